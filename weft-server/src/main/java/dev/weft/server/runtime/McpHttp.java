package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * The MCP Streamable HTTP transport (protocol 2025-03-26 and later): every message is POSTed to
 * the endpoint, which answers a request with a JSON body or with a stream of Server-Sent Events
 * holding the answer (and maybe requests and notifications before it), and a notification or a
 * response with 202. The {@code Mcp-Session-Id} the server gives at initialization goes with every
 * later request, as does {@code MCP-Protocol-Version}; closing sends {@code DELETE} for the session.
 * The endpoint's authentication, the transport's {@code headers} and host redirects are those of
 * {@code call: http}. A status outside 200-299 faults with that status.
 */
final class McpHttp implements McpTransport {
  private final HttpCaller http;
  private final String uri;
  private final URI target;
  private final JsonNode authentication;
  private final JsonNode headers;
  private final String step;
  private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final List<InputStream> streams = new CopyOnWriteArrayList<>();
  private volatile String session;
  private volatile String protocolVersion;

  McpHttp(HttpCaller http, JsonNode transport, String step) throws CommandFault {
    this.http = http;
    JsonNode endpoint = transport.path("endpoint");
    this.uri = endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText();
    this.authentication = endpoint.path("authentication");
    this.headers = transport.path("headers");
    this.step = step;
    this.target = http.httpTarget(uri, step + "/with/transport/http/endpoint");
  }

  @Override
  public void send(ObjectNode message) throws CommandFault {
    byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
    HttpResponse<InputStream> r = http.authorized(authorization -> request(authorization)
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), body, authentication, "POST", uri, step,
        HttpResponse.BodyHandlers.ofInputStream());
    r.headers().firstValue("Mcp-Session-Id").ifPresent(id -> session = id);
    String type = r.headers().firstValue("Content-Type").orElse("");
    try {
      if (r.statusCode() < 200 || r.statusCode() > 299) {
        String text = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        throw new CommandFault("runtime", r.statusCode(), "MCP HTTP " + r.statusCode(), "POST " + uri + " ("
            + message.path("method").asText("a response") + ")" + (text.isBlank() ? "" : ": " + HttpCaller.abbreviate(text)), step);
      }
      if (type.startsWith("text/event-stream")) {
        streams.add(r.body());
        Thread.ofVirtual().name("mcp-sse").start(() -> readEvents(r.body()));
      } else {
        JsonNode answer = r.statusCode() == 202 ? null : parse(new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        r.body().close();
        if (answer != null && answer.isArray()) {
          answer.forEach(inbox::add);
        } else if (answer != null && answer.isObject()) {
          inbox.add(answer);
        }
      }
    } catch (IOException e) {
      throw new CommandFault("runtime", 503, "MCP server gone", "POST " + uri + ": " + HttpCaller.noAnswer(e), step);
    }
  }

  private HttpRequest.Builder request(String authorization) {
    HttpRequest.Builder req = HttpRequest.newBuilder(target).timeout(http.timeout());
    headers.properties().forEach(h -> req.header(h.getKey(), h.getValue().asText()));
    if (authorization != null) {
      req.setHeader("Authorization", authorization);
    }
    if (session != null) {
      req.setHeader("Mcp-Session-Id", session);
    }
    if (protocolVersion != null) {
      req.setHeader("MCP-Protocol-Version", protocolVersion);
    }
    return req;
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? null : JSON.readTree(text);
    } catch (IOException notJson) {
      return null;
    }
  }

  /** Reads Server-Sent Events as they come until the stream ends: each event's data is one JSON-RPC message. */
  private void readEvents(InputStream body) {
    SseEvents.Lines events = new SseEvents.Lines();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        deliver(events.accept(line));
      }
      deliver(events.end());
    } catch (IOException e) {
      // the stream was closed (the session ended) or broke: the wait for an answer ends at the deadline
    }
  }

  private void deliver(String data) {
    JsonNode message = data == null ? null : parse(data);
    if (message != null && message.isObject()) {
      inbox.add(message);
    }
  }

  @Override
  public BlockingQueue<JsonNode> inbox() {
    return inbox;
  }

  @Override
  public void initialized(String version) {
    this.protocolVersion = version;
  }

  @Override
  public String describe() {
    return "the MCP server at " + uri;
  }

  @Override
  public void close() {
    for (InputStream s : streams) {
      try {
        s.close();
      } catch (IOException e) {
        // closing is all that was asked
      }
    }
    if (session == null) {
      return;
    }
    Function<String, HttpRequest> delete = authorization -> request(authorization).DELETE().build();
    try {
      http.authorized(delete, new byte[0], authentication, "DELETE", uri, step, HttpResponse.BodyHandlers.discarding());
    } catch (CommandFault e) {
      // the server ends the session itself when it cannot be told
    }
  }
}
