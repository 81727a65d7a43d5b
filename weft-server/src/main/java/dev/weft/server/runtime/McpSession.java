package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One Model Context Protocol exchange over a {@link McpTransport}: {@code initialize} (with the
 * protocol version and client asked for), the {@code notifications/initialized} notification, then
 * the one method the step asks for, whose JSON-RPC {@code result} is the step's output. Messages
 * the server sends meanwhile are answered as a client must: a {@code ping} with an empty result,
 * any other request with "method not found"; notifications (logging, progress) are read and
 * dropped. Every wait ends at the call's deadline.
 */
final class McpSession {
  /** The protocol version a call that names none asks for (the DSL's default). */
  static final String DEFAULT_PROTOCOL = "2025-06-18";
  private static final int METHOD_NOT_FOUND = -32601;

  private final McpTransport transport;
  private final BlockingQueue<JsonNode> inbox;
  private final LongSupplier clockMillis;
  private final long deadlineMillis;
  private final String step;

  McpSession(McpTransport transport, LongSupplier clockMillis, long deadlineMillis, String step) {
    this.transport = transport;
    this.inbox = transport.inbox();
    this.clockMillis = clockMillis;
    this.deadlineMillis = deadlineMillis;
    this.step = step;
  }

  /** Initializes the session and returns the result of {@code method}. */
  JsonNode call(String protocolVersion, JsonNode clientInfo, String method, JsonNode params) throws CommandFault {
    ObjectNode init = JSON.createObjectNode().put("protocolVersion", protocolVersion);
    init.putObject("capabilities");
    init.set("clientInfo", clientInfo);
    JsonNode initialized = request(1, "initialize", init);
    transport.initialized(initialized.path("protocolVersion").asText(protocolVersion));
    transport.send(JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
    return request(2, method, params);
  }

  private JsonNode request(int id, String method, JsonNode params) throws CommandFault {
    ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    if (params != null && !params.isNull() && !params.isMissingNode()) {
      message.set("params", params);
    }
    transport.send(message);
    while (true) {
      JsonNode in = next(method);
      if (in.has("method")) {
        answer(in);
      } else if (in.path("id").asText().equals(String.valueOf(id)) && (in.has("result") || in.has("error"))) {
        if (in.has("error")) {
          JsonNode e = in.get("error");
          throw new CommandFault("runtime", 502, "MCP error", method + " failed with JSON-RPC error "
              + e.path("code").asText("?") + ": " + e.path("message").asText("(no message)")
              + (e.has("data") ? " (data: " + HttpCaller.abbreviate(e.get("data").toString()) + ")" : ""), step);
        }
        return in.get("result");
      }
    }
  }

  /** The next message, or a fault when the transport closed or the deadline passed first. */
  private JsonNode next(String method) throws CommandFault {
    JsonNode in;
    try {
      in = inbox.poll(Math.max(0, deadlineMillis - clockMillis.getAsLong()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFault("runtime", 503, "Interrupted", "the MCP call " + method + " was interrupted", step);
    }
    if (in == null) {
      throw new CommandFault("timeout", 408, "MCP call timed out", "no answer to " + method + " within the call's "
          + "timeout from " + transport.describe(), step);
    }
    if (in.has(McpTransport.CLOSED)) {
      throw new CommandFault("runtime", 503, "MCP server gone", transport.describe() + " ended before answering "
          + method + ": " + in.get(McpTransport.CLOSED).asText(), step);
    }
    return in;
  }

  /** A request of the server's: a ping is answered, anything else is a method this client lacks. Notifications need no answer. */
  private void answer(JsonNode request) throws CommandFault {
    if (!request.has("id")) {
      return;
    }
    ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
    reply.set("id", request.get("id"));
    if (request.path("method").asText().equals("ping")) {
      reply.putObject("result");
    } else {
      reply.putObject("error").put("code", METHOD_NOT_FOUND)
          .put("message", "this client does not offer " + request.path("method").asText());
    }
    transport.send(reply);
  }
}
