package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * {@link McpTestServer} behind the Streamable HTTP transport on loopback, strict as the
 * specification asks of a client: the POST must accept JSON and event streams, every request after
 * {@code initialize} must carry the session id it gave and the negotiated
 * {@code MCP-Protocol-Version}, and a bearer token when one is set. {@code tools/call} is answered
 * with an event stream that holds a log notification and a {@code ping} request of the server's
 * before the answer; other requests with a JSON body. It records what came.
 */
final class McpHttpTestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSION = "session-42";

  private final HttpServer server;
  private final McpTestServer mcp = new McpTestServer();
  private final String token;
  /** Each message received, as text, and {@code DELETE} when the session was ended. */
  final List<String> received = new CopyOnWriteArrayList<>();
  private volatile String protocol;

  McpHttpTestServer(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/mcp", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      if (token != null && !("Bearer " + token).equals(x.getRequestHeaders().getFirst("Authorization"))) {
        send(x, 401, "application/json", "{\"error\":\"no token\"}");
        return;
      }
      if (x.getRequestMethod().equals("DELETE")) {
        received.add("DELETE " + x.getRequestHeaders().getFirst("Mcp-Session-Id"));
        send(x, 200, "text/plain", "");
        return;
      }
      String accept = String.valueOf(x.getRequestHeaders().getFirst("Accept"));
      if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
        send(x, 406, "text/plain", "accept both application/json and text/event-stream");
        return;
      }
      JsonNode m = JSON.readTree(x.getRequestBody());
      received.add(m.toString());
      String method = m.path("method").asText();
      if (!method.equals("initialize")) {
        String problem = !SESSION.equals(x.getRequestHeaders().getFirst("Mcp-Session-Id")) ? "no session id"
            : !String.valueOf(protocol).equals(x.getRequestHeaders().getFirst("MCP-Protocol-Version")) ? "no protocol version" : null;
        if (problem != null) {
          send(x, 400, "text/plain", problem);
          return;
        }
      }
      JsonNode answer = mcp.answer(m);
      if (method.equals("initialize")) {
        protocol = answer.path("result").path("protocolVersion").asText();
        x.getResponseHeaders().add("Mcp-Session-Id", SESSION);
      }
      if (answer == null) {
        send(x, 202, "text/plain", "");
      } else if (method.equals("tools/call")) {
        stream(x, answer);
      } else {
        send(x, 200, "application/json", answer.toString());
      }
    }
  }

  private static void stream(HttpExchange x, JsonNode answer) throws IOException {
    x.getResponseHeaders().add("Content-Type", "text/event-stream");
    x.sendResponseHeaders(200, 0);
    ObjectNode log = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/message");
    log.putObject("params").put("level", "info").put("data", "working on it");
    ObjectNode ping = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", "server-ping-1").put("method", "ping");
    try (OutputStream out = x.getResponseBody()) {
      for (JsonNode event : List.of(log, ping, answer)) {
        // the answer is split over two data lines, as SSE allows
        String text = event == answer ? event.toString().replaceFirst(",", ",\ndata: ") : event.toString();
        out.write(("event: message\ndata: " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  private static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
