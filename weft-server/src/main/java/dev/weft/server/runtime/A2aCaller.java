package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Errors;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code call: a2a} over JSON-RPC 2.0 (see {@link A2aRpc}). With {@code agentCard}, the card is
 * fetched from its endpoint (following redirects; its JSON-RPC endpoint kept per card URI for
 * the life of the runtime) and the request goes to the card's {@code url}; without one, to
 * {@code server}. The endpoint's {@code authentication} (the card's, else the server's) is sent
 * with the card fetch and the request, as for {@code call: http}; the card's own
 * {@code securitySchemes} are not read. The request is a POST of JSON, accepting JSON (and
 * {@code text/event-stream} for the streaming methods), with the command id as JSON-RPC id and
 * {@code Idempotency-Key}. A failure of the network or of the agent is a {@code runtime} fault
 * (no answer: 503; otherwise the HTTP status, or 500 for a JSON-RPC error).
 */
final class A2aCaller {
  private final HttpCaller http;
  private final Map<String, String> endpoints = new ConcurrentHashMap<>();

  A2aCaller(HttpCaller http) {
    this.http = http;
  }

  JsonNode call(Command.CallA2a c) throws CommandFault {
    JsonNode with = c.with();
    String method = with.path("method").asText();
    boolean card = with.hasNonNull("agentCard");
    JsonNode endpoint = card ? with.path("agentCard").path("endpoint") : with.path("server");
    JsonNode auth = endpoint.path("authentication");
    String uri = uriOf(endpoint);
    if (uri.isBlank()) {
      throw new CommandFault("configuration", 400, "Bad call", card ? "with.agentCard.endpoint has no URI"
          : "call: a2a needs with.agentCard (or, without a card, with.server)", c.step() + (card ? "/with/agentCard" : "/with/server"));
    }
    if (card) {
      uri = endpoint(uri, auth, c.step());
    }
    byte[] body = A2aRpc.request(c.id(), method, with.get("parameters"), c.step()).toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = Map.of("Content-Type", "application/json",
        "Accept", A2aRpc.streaming(method) ? "text/event-stream, application/json" : "application/json",
        "Idempotency-Key", c.id());
    String where = method + " " + uri;
    HttpCaller.Reply reply;
    try {
      reply = http.post(uri, headers, body, auth, c.step());
    } catch (CommandFault f) {
      throw asRuntime(f, c.step());
    }
    return A2aRpc.output(reply, method, where, c.step());
  }

  /** The JSON-RPC endpoint of the card at {@code cardUri}, fetched once per URI. */
  private String endpoint(String cardUri, JsonNode auth, String step) throws CommandFault {
    String known = endpoints.get(cardUri);
    if (known != null) {
      return known;
    }
    String text;
    try {
      text = http.fetch(cardUri, auth.isMissingNode() ? null : auth, step);
    } catch (CommandFault f) {
      throw asRuntime(f, step);
    }
    JsonNode parsed;
    try {
      parsed = JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CommandFault("configuration", 400, "Bad agent card", cardUri + " is not JSON: "
          + e.getOriginalMessage(), step + "/with/agentCard");
    }
    String found = A2aRpc.endpoint(parsed == null ? JSON.missingNode() : parsed, cardUri, step + "/with/agentCard");
    endpoints.put(cardUri, found);
    return found;
  }

  private static String uriOf(JsonNode endpoint) {
    return endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText("");
  }

  /** A communication fault of the HTTP layer as the runtime fault A2A calls raise; others (configuration, authentication) as they are. */
  private static CommandFault asRuntime(CommandFault f, String step) {
    JsonNode e = f.error();
    if (!Errors.sameType(e.path("type").asText(), Errors.type("communication"))) {
      return f;
    }
    return new CommandFault("runtime", e.path("status").asInt(503), e.path("title").asText(), e.path("detail").asText(null), step);
  }
}
