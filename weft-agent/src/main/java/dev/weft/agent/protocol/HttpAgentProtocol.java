package dev.weft.agent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.logs.LogAck;
import dev.weft.agent.logs.LogPiece;
import dev.weft.agent.logs.LogStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent protocol over HTTP: JSON {@code POST}s to {@code SERVER/api/v1/agent/{join,heartbeat,poll,report,logs}}
 * with the agent's bearer token. A server that cannot be reached, answers 5xx or refuses is a
 * {@link ProtocolException} naming the call and the reason (the problem detail's {@code detail}
 * when there is one); the caller retries (see {@link Backoff}). No retries in here, so the agent
 * loop's report queue stays the one place that decides what was delivered. Every call but the join
 * carries the node secret the join answered ({@value #SECRET_HEADER}); a heartbeat the server refuses
 * because it does not carry the node's secret answers "unknown node", so the agent joins again.
 */
public final class HttpAgentProtocol implements AgentProtocol {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT = Duration.ofSeconds(5);
  /** Added to a poll's wait for the answer to arrive; other calls get this much in all. */
  private static final Duration SLACK = Duration.ofSeconds(30);
  private final URI base;
  private final String token;
  private final Path workDir;
  private final NodeSecret secret;
  private final HttpClient http;
  static final String SECRET_HEADER = "Weft-Node-Secret";
  private static final String NOT_HELD = "https://weft.dev/problems/node-not-held";

  /**
   * @param server the server's base URL, e.g. {@code http://10.0.0.5:8080}
   * @param token the agent token (role {@code agent}); null when the server runs without tokens
   * @param workDir where tasks run (null: the agent's own working directory)
   */
  public HttpAgentProtocol(URI server, String token, Path workDir) {
    this(server, token, workDir, NodeSecret.inMemory());
  }

  /** @param secret where the node secret is kept, shared with the transports to the agent's other servers */
  public HttpAgentProtocol(URI server, String token, Path workDir, NodeSecret secret) {
    this(server, token, workDir, secret, null);
  }

  /**
   * As above, trusting the servers' certificates as {@code tls} says (an {@code https} server whose
   * certificate a private authority signed); null: the JDK's default trust.
   */
  public HttpAgentProtocol(URI server, String token, Path workDir, NodeSecret secret, SSLContext tls) {
    String s = server.toString();
    this.base = URI.create((s.endsWith("/") ? s : s + "/") + "api/v1/agent/");
    this.token = token;
    this.workDir = workDir;
    this.secret = secret;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(CONNECT);
    this.http = (tls == null ? b : b.sslContext(tls)).build();
  }

  @Override
  public Joined join(NodeInfo node) {
    ObjectNode body = JSON.createObjectNode().put("name", node.name()).put("topology", node.topology().toString());
    body.putObject("capacity").put("cpuMillis", node.capacity().cpuMillis())
        .put("memoryMiB", node.capacity().memoryMiB()).put("diskMiB", node.capacity().diskMiB())
        .put("gpus", node.capacity().gpus());
    ObjectNode labels = body.putObject("labels");
    node.labels().forEach(labels::put);
    if (node.enforcement() != null) {
      body.put("enforcement", node.enforcement().kind().label());
    }
    secret.forNode(node.name()).ifPresent(s -> body.put("secret", s));
    JsonNode reply = post("join", body, SLACK);
    String given = text(reply, "nodeSecret", "join");
    secret.keep(node.name(), given);
    return new Joined(text(reply, "nodeId", "join"), given);
  }

  @Override
  public boolean heartbeat(Heartbeat beat) {
    ObjectNode body = JSON.createObjectNode().put("nodeId", beat.nodeId());
    ArrayNode running = body.putArray("running");
    beat.running().stream().sorted().forEach(running::add);
    if (!beat.suspended().isEmpty()) {
      ArrayNode suspended = body.putArray("suspended");
      beat.suspended().stream().sorted().forEach(suspended::add);
    }
    try {
      return post("heartbeat", body, SLACK).path("known").asBoolean(false);
    } catch (NodeNotHeldException e) {
      return false; // join again: presenting the secret kept, or taking over a node its holder left
    }
  }

  @Override
  public List<Assignment> poll(String nodeId, int maxStarts, Duration wait) {
    return poll(nodeId, maxStarts, wait, Set.of(), Set.of());
  }

  @Override
  public List<Assignment> poll(String nodeId, int maxStarts, Duration wait, Set<String> running,
                               Set<String> suspended) {
    ObjectNode body = JSON.createObjectNode().put("nodeId", nodeId).put("maxStarts", maxStarts)
        .put("waitMillis", wait.toMillis());
    if (!running.isEmpty()) {
      running.stream().sorted().forEach(body.putArray("running")::add);
    }
    if (!suspended.isEmpty()) {
      suspended.stream().sorted().forEach(body.putArray("suspended")::add);
    }
    JsonNode reply = post("poll", body, wait.plus(SLACK));
    List<Assignment> out = new ArrayList<>();
    for (JsonNode a : reply.path("assignments")) {
      switch (a.path("type").asText()) {
        case "start" -> out.add(new Assignment.Start(command(a)));
        case "kill" -> out.add(new Assignment.Kill(text(a, "taskId", "poll"), a.path("reason").asText("")));
        case "suspend" -> out.add(new Assignment.Suspend(text(a, "taskId", "poll")));
        case "resume" -> out.add(new Assignment.Resume(text(a, "taskId", "poll")));
        default -> throw new ProtocolException("poll: the server sent an assignment of unknown type '"
            + a.path("type").asText() + "'; is the agent older than the server?");
      }
    }
    return out;
  }

  private TaskCommand command(JsonNode a) {
    List<String> argv = new ArrayList<>();
    a.path("argv").forEach(v -> argv.add(v.asText()));
    Map<String, String> env = new LinkedHashMap<>();
    a.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    try {
      String builtin = a.path("builtin").isTextual() ? a.path("builtin").asText() : null;
      return new TaskCommand(text(a, "taskId", "poll"), argv, env, workDir, a.path("cpuMillis").asLong(),
          a.path("memoryMiB").asLong(), Duration.ofMillis(a.path("timeoutMillis").asLong()), TaskCommand.DEFAULT_GRACE,
          builtin, a.path("stdin").isTextual() ? a.path("stdin").asText() : null);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("poll: the server sent an assignment the agent cannot run: " + e.getMessage());
    }
  }

  @Override
  public void report(String nodeId, List<StatusChange> batch) {
    ObjectNode body = JSON.createObjectNode().put("nodeId", nodeId);
    ArrayNode changes = body.putArray("changes");
    for (StatusChange c : batch) {
      ObjectNode n = changes.addObject().put("taskId", c.taskId()).put("state", c.state().name());
      if (c.exitCode() != null) {
        n.put("exitCode", c.exitCode());
      }
      if (c.detail() != null) {
        n.put("detail", c.detail());
      }
      if (c.stdoutTail() != null) {
        n.put("stdoutTail", c.stdoutTail());
      }
      if (c.stderrTail() != null) {
        n.put("stderrTail", c.stderrTail());
      }
      n.put("at", c.at().toString());
    }
    post("report", body, SLACK);
  }

  @Override
  public List<LogAck> shipLogs(String nodeId, List<LogPiece> pieces) {
    ObjectNode body = JSON.createObjectNode().put("nodeId", nodeId);
    ArrayNode out = body.putArray("pieces");
    for (LogPiece p : pieces) {
      out.addObject().put("taskId", p.runId()).put("stream", p.stream().suffix()).put("offset", p.offset())
          .put("data", Base64.getEncoder().encodeToString(p.data())).put("written", p.written()).put("last", p.last());
    }
    JsonNode reply = post("logs", body, SLACK);
    List<LogAck> acks = new ArrayList<>();
    for (JsonNode a : reply.path("acks")) {
      LogStream stream = "stderr".equals(a.path("stream").asText()) ? LogStream.STDERR : LogStream.STDOUT;
      acks.add(new LogAck(text(a, "taskId", "logs"), stream, a.path("kept").asLong(), a.path("full").asBoolean(),
          a.path("ended").asBoolean()));
    }
    if (acks.size() != pieces.size()) {
      throw new ProtocolException("logs: the server answered " + acks.size() + " acks for " + pieces.size() + " pieces");
    }
    return acks;
  }

  private JsonNode post(String call, ObjectNode body, Duration timeout) {
    HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(call)).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    String held = secret.current();
    if (held != null && !call.equals("join")) {
      req.header(SECRET_HEADER, held);
    }
    HttpResponse<String> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProtocolException(call + ": cannot reach " + base + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProtocolException(call + ": interrupted", e);
    }
    JsonNode reply = parse(call, resp.body());
    if (resp.statusCode() != 200) {
      String detail = reply.path("detail").asText("");
      if (resp.statusCode() == 403 && NOT_HELD.equals(reply.path("type").asText())) {
        throw new NodeNotHeldException(call + ": the server answered 403: " + detail);
      }
      if (call.equals("logs") && resp.statusCode() / 100 == 4) {
        throw new LogsRefusedException("the server answered " + resp.statusCode() + (detail.isEmpty() ? "" : ": " + detail));
      }
      throw new ProtocolException(call + ": the server answered " + resp.statusCode()
          + (detail.isEmpty() ? "" : ": " + detail));
    }
    return reply;
  }

  private static JsonNode parse(String call, String text) {
    try {
      return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode(); // e.g. a proxy's HTML error page; the status says enough
    }
  }

  private static String text(JsonNode n, String field, String call) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ProtocolException(call + ": the server's answer has no '" + field + "'");
    }
    return v.asText();
  }

  /** A call refused because it does not carry the node's secret: the agent must join again (not a refusal for good). */
  static final class NodeNotHeldException extends ProtocolException {
    NodeNotHeldException(String message) {
      super(message);
    }
  }
}
