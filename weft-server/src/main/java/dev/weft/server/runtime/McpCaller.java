package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.plan.Durations;
import dev.weft.workflow.read.WorkflowValidationException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * {@code call: mcp} (DSL 1.0.3): opens the transport ({@link McpStdio} or {@link McpHttp}), runs one
 * {@link McpSession} (initialize, then {@code method} with {@code parameters}) and closes it; the
 * output is the method's JSON-RPC result. The whole call, process start included, ends by
 * {@code timeout} (default {@link #DEFAULT_TIMEOUT}). The client introduces itself by
 * {@code client} (default {@code weft}).
 */
final class McpCaller {
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final HttpCaller http;
  private final LongSupplier clockMillis;

  McpCaller(HttpCaller http, LongSupplier clockMillis) {
    this.http = http;
    this.clockMillis = clockMillis;
  }

  JsonNode call(Command.CallMcp c) throws CommandFault {
    JsonNode with = c.with();
    long deadline = clockMillis.getAsLong() + timeout(with.get("timeout"), c.step()).toMillis();
    JsonNode transport = with.path("transport");
    JsonNode params = params(with, c.step());
    try (McpTransport t = open(transport, c.step())) {
      return new McpSession(t, clockMillis, deadline, c.step()).call(with.path("protocolVersion")
          .asText(McpSession.DEFAULT_PROTOCOL), client(with.path("client")), with.path("method").asText(), params);
    }
  }

  private McpTransport open(JsonNode transport, String step) throws CommandFault {
    if (transport.has("stdio")) {
      return McpStdio.start(transport.get("stdio"), step);
    }
    if (transport.has("http")) {
      return new McpHttp(http, transport.get("http"), step);
    }
    throw new CommandFault("configuration", 400, "Bad call", "with.transport needs 'http' or 'stdio'", step + "/with/transport");
  }

  private static Duration timeout(JsonNode given, String step) throws CommandFault {
    if (given == null || given.isNull()) {
      return DEFAULT_TIMEOUT;
    }
    try {
      long ms = Durations.millis(given, step + "/with/timeout");
      return ms > 0 ? Duration.ofMillis(ms) : DEFAULT_TIMEOUT;
    } catch (WorkflowValidationException e) {
      throw new CommandFault("configuration", 400, "Bad timeout", e.getMessage(), step + "/with/timeout");
    }
  }

  private static JsonNode client(JsonNode given) {
    if (given.path("name").isTextual()) {
      return given;
    }
    return JSON.createObjectNode().put("name", "weft").put("version", version());
  }

  private static String version() {
    String v = McpCaller.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The method's parameters: an object (a string was an expression, evaluated already); none when absent. */
  private static JsonNode params(JsonNode with, String step) throws CommandFault {
    JsonNode p = with.get("parameters");
    if (p == null || p.isNull() || p instanceof ObjectNode) {
      return p;
    }
    throw new CommandFault("configuration", 400, "Bad parameters", "with.parameters must be an object (or an expression"
        + " that gives one), not " + HttpCaller.abbreviate(p.toString()), step + "/with/parameters");
  }
}
