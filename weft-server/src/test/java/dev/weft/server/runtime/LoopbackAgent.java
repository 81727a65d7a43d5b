package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An A2A agent on loopback, written from the A2A protocol (JSON-RPC 2.0 binding), not from the
 * client under test:
 * <ul>
 *   <li>{@code GET /.well-known/agent-card.json}: a card whose {@code url} is {@code /rpc}
 *       (relative); {@code GET /bare/card.json}: a card without {@code url};
 *       {@code GET /secure/card.json}: wants {@code Bearer agent-token}, names {@code /secure/rpc};</li>
 *   <li>{@code POST /rpc} (and {@code /secure/rpc}, wanting the same token):
 *       {@code message/send} answers a completed Task whose {@code history} is the message
 *       received; {@code tasks/get} knows task {@code t-1} only (others: error -32001 "Task not
 *       found"); {@code message/stream} answers Server-Sent Events (a Task, a working status,
 *       an artifact whose data spans two {@code data:} lines, the final status), or, for a
 *       message whose text is {@code fail midway}, a Task then a JSON-RPC error event; other
 *       methods: error -32601;</li>
 *   <li>{@code POST /broken} answers 500 with a text body.</li>
 * </ul>
 */
final class LoopbackAgent implements AutoCloseable {
  static final String TOKEN = "agent-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A JSON-RPC request as the agent received it. */
  record Rpc(String path, String authorization, String accept, String contentType, JsonNode request) {}

  final HttpServer server;
  final List<Rpc> rpcs = new CopyOnWriteArrayList<>();
  final List<String> cardAuthorizations = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  LoopbackAgent() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int count(String path) {
    AtomicInteger n = calls.get(path);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = ex.getRequestHeaders().getFirst("Authorization");
    boolean secure = path.startsWith("/secure/");
    if (secure && !("Bearer " + TOKEN).equals(authorization)) {
      ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
      reply(ex, 401, "text/plain", "who are you?");
      return;
    }
    if (ex.getRequestMethod().equals("GET")) {
      cardAuthorizations.add(String.valueOf(authorization));
      switch (path) {
        case "/.well-known/agent-card.json" -> reply(ex, 200, "application/json", card("/rpc"));
        case "/bare/card.json" -> reply(ex, 200, "application/json", "{\"name\":\"bare\",\"version\":\"1\"}");
        case "/secure/card.json" -> reply(ex, 200, "application/json", card(base() + "/secure/rpc"));
        default -> reply(ex, 404, "text/plain", "no card here");
      }
      return;
    }
    if (path.equals("/broken")) {
      reply(ex, 500, "text/plain", "agent crashed");
      return;
    }
    JsonNode request = JSON.readTree(body);
    rpcs.add(new Rpc(path, authorization, ex.getRequestHeaders().getFirst("Accept"),
        ex.getRequestHeaders().getFirst("Content-Type"), request));
    JsonNode id = request.get("id");
    JsonNode params = request.path("params");
    switch (request.path("method").asText()) {
      case "message/send" -> reply(ex, 200, "application/json", result(id, task("task-1", "completed", params.get("message"))));
      case "tasks/get" -> reply(ex, 200, "application/json", params.path("id").asText().equals("t-1")
          ? result(id, task("t-1", "completed", null))
          : error(id, -32001, "Task not found", JSON.createObjectNode().put("id", params.path("id").asText())));
      case "message/stream" -> stream(ex, id, params.get("message"));
      default -> reply(ex, 200, "application/json", error(id, -32601, "Method not found", null));
    }
  }

  private String card(String url) {
    return """
        {"protocolVersion":"0.3.0","name":"echo","description":"echoes","url":"%s","preferredTransport":"JSONRPC",
         "version":"1.0.0","capabilities":{"streaming":true},"defaultInputModes":["text/plain"],
         "defaultOutputModes":["text/plain"],"skills":[]}""".formatted(url);
  }

  private static ObjectNode task(String id, String state, JsonNode message) {
    ObjectNode t = JSON.createObjectNode().put("kind", "task").put("id", id).put("contextId", "ctx-1");
    t.putObject("status").put("state", state);
    if (message != null) {
      t.putArray("history").add(message);
    }
    return t;
  }

  private static String result(JsonNode id, JsonNode result) {
    ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0");
    r.set("id", id);
    return r.set("result", result).toString();
  }

  private static String error(JsonNode id, int code, String message, JsonNode data) {
    ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0");
    r.set("id", id);
    ObjectNode e = r.putObject("error").put("code", code).put("message", message);
    if (data != null) {
      e.set("data", data);
    }
    return r.toString();
  }

  private static void stream(HttpExchange ex, JsonNode id, JsonNode message) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "text/event-stream");
    ex.getResponseHeaders().add("Cache-Control", "no-cache");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      send(out, "data: " + result(id, task("task-s", "submitted", message)) + "\n\n");
      if (message.at("/parts/0/text").asText().equals("fail midway")) {
        send(out, "data: " + error(id, -32603, "Internal error", null) + "\n\n");
        return;
      }
      send(out, ": keep-alive\r\nevent: message\r\nid: 2\r\ndata: " + result(id, JSON.readTree(
          "{\"kind\":\"status-update\",\"taskId\":\"task-s\",\"status\":{\"state\":\"working\"},\"final\":false}")) + "\r\n\r\n");
      String artifact = result(id, JSON.readTree("{\"kind\":\"artifact-update\",\"taskId\":\"task-s\","
          + "\"artifact\":{\"artifactId\":\"a-1\",\"parts\":[{\"kind\":\"text\",\"text\":\"done\"}]}}"));
      int cut = artifact.indexOf(",\"result\"") + 1;
      send(out, "data: " + artifact.substring(0, cut) + "\ndata: " + artifact.substring(cut) + "\n\n");
      send(out, "data: " + result(id, JSON.readTree(
          "{\"kind\":\"status-update\",\"taskId\":\"task-s\",\"status\":{\"state\":\"completed\"},\"final\":true}")) + "\n\n");
    }
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void reply(HttpExchange ex, int status, String type, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
