package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A small MCP server for tests, strict about the handshake: every request but {@code initialize}
 * and {@code ping} is refused until {@code notifications/initialized} came, and {@code initialize}
 * must come first and name a protocol version and the client. Tools: {@code add} ({@code a + b}),
 * {@code env} (the value of the environment variable {@code name}), {@code whoami} (the client
 * this session was initialized by, and the protocol version); a prompt {@code greet} and a
 * resource {@code memo://hello}. Runs over stdio ({@link #main}) or behind {@link McpHttpTestServer}.
 */
final class McpTestServer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private boolean initialized;
  private JsonNode client;
  private String protocol;

  /** Stdio: one message per line in, one per line out; with the argument {@code crash}, it exits on the first request after the handshake. */
  public static void main(String[] args) throws IOException {
    boolean crash = args.length > 0 && args[0].equals("crash");
    McpTestServer server = new McpTestServer();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.err.println("test MCP server listening on stdio");
    out.println("this banner is not a message and must be skipped");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonNode message = JSON.readTree(line);
      if (crash && server.initialized && message.has("id")) {
        System.err.println("crashing as asked");
        System.exit(7);
      }
      JsonNode answer = server.answer(message);
      if (answer != null) {
        out.println(answer);
      }
    }
  }

  /** The answer to one message, or null for a notification or a response. */
  synchronized JsonNode answer(JsonNode m) {
    if (!m.has("method")) {
      return null; // a response to a request of ours
    }
    String method = m.path("method").asText();
    if (!m.has("id")) {
      if (method.equals("notifications/initialized")) {
        initialized = client != null;
      }
      return null;
    }
    ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
    reply.set("id", m.get("id"));
    JsonNode params = m.path("params");
    if (method.equals("initialize")) {
      if (!params.path("protocolVersion").isTextual() || !params.path("clientInfo").path("name").isTextual()) {
        return error(reply, -32602, "initialize needs protocolVersion and clientInfo");
      }
      client = params.get("clientInfo");
      protocol = params.get("protocolVersion").asText();
      ObjectNode result = reply.putObject("result").put("protocolVersion", protocol);
      result.putObject("capabilities").putObject("tools");
      result.putObject("serverInfo").put("name", "weft-test-mcp").put("version", "1");
      return reply;
    }
    if (method.equals("ping")) {
      reply.putObject("result");
      return reply;
    }
    if (!initialized) {
      return error(reply, -32002, method + " before notifications/initialized");
    }
    return switch (method) {
      case "tools/list" -> {
        ObjectNode result = reply.putObject("result");
        result.putArray("tools").addObject().put("name", "add").put("description", "a + b");
        yield reply;
      }
      case "tools/call" -> tool(reply, params);
      case "prompts/get" -> {
        ObjectNode msg = reply.putObject("result").putArray("messages").addObject().put("role", "user");
        msg.putObject("content").put("type", "text").put("text", "Hello, " + params.path("arguments").path("name").asText());
        yield reply;
      }
      case "resources/read" -> {
        reply.putObject("result").putArray("contents").addObject().put("uri", params.path("uri").asText())
            .put("text", "hello from " + params.path("uri").asText());
        yield reply;
      }
      default -> error(reply, -32601, "no method " + method);
    };
  }

  private JsonNode tool(ObjectNode reply, JsonNode params) {
    JsonNode args = params.path("arguments");
    String text = switch (params.path("name").asText()) {
      case "add" -> String.valueOf(args.path("a").asLong() + args.path("b").asLong());
      case "env" -> String.valueOf(System.getenv(args.path("name").asText()));
      case "whoami" -> client.path("name").asText() + "/" + client.path("version").asText() + "@" + protocol;
      default -> null;
    };
    if (text == null) {
      return error(reply, -32602, "Unknown tool: " + params.path("name").asText());
    }
    ObjectNode result = reply.putObject("result");
    result.putArray("content").addObject().put("type", "text").put("text", text);
    result.put("isError", false);
    return reply;
  }

  private static JsonNode error(ObjectNode reply, int code, String message) {
    reply.putObject("error").put("code", code).put("message", message);
    return reply;
  }
}
