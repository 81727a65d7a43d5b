package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON-RPC 2.0 side of {@code call: a2a}, without I/O: the request (with the defaults of a
 * message), the endpoint an agent card names, and the result of an answer, which is a single
 * JSON-RPC response or, for the streaming methods, a Server-Sent Events stream of them.
 * Every failure of the call is a {@code runtime} fault; a card or parameters Weft cannot use
 * are {@code configuration} faults at their pointer.
 */
final class A2aRpc {
  private static final Set<String> STREAMING = Set.of("message/stream", "tasks/resubscribe");
  private static final Set<String> SENDING = Set.of("message/send", "message/stream");

  private A2aRpc() {}

  /** Whether the method's answer is an event stream whose results are all the output. */
  static boolean streaming(String method) {
    return STREAMING.contains(method);
  }

  /**
   * {@code {"jsonrpc": "2.0", "id": id, "method": method, "params": params}} ({@code params}
   * left out when null). For {@code message/send} and {@code message/stream},
   * {@code message.messageId} defaults to a UUID derived from {@code id} (the command id, so
   * the same command always sends the same message id) and {@code message.role} to {@code user}.
   */
  static ObjectNode request(String id, String method, JsonNode params, String step) throws CommandFault {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    if (params == null || params.isNull() || params.isMissingNode()) {
      return request;
    }
    if (!params.isObject()) {
      throw new CommandFault("configuration", 400, "Bad A2A parameters", method + " needs parameters that are an object, not "
          + params.getNodeType().toString().toLowerCase(Locale.ROOT), step + "/with/parameters");
    }
    ObjectNode p = params.deepCopy();
    if (SENDING.contains(method) && p.get("message") instanceof ObjectNode message) {
      if (!message.hasNonNull("messageId")) {
        message.put("messageId", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
      }
      if (!message.hasNonNull("role")) {
        message.put("role", "user");
      }
    }
    return request.set("params", p);
  }

  /**
   * The JSON-RPC endpoint of an agent card: its {@code url}, or, when its
   * {@code preferredTransport} is not {@code JSONRPC}, the {@code url} of its
   * {@code additionalInterfaces} entry with transport {@code JSONRPC}; resolved against the
   * card's own URI.
   */
  static String endpoint(JsonNode card, String cardUri, String pointer) throws CommandFault {
    if (!card.isObject()) {
      throw new CommandFault("configuration", 400, "Bad agent card", cardUri + " is not a JSON object", pointer);
    }
    String transport = card.path("preferredTransport").asText("JSONRPC");
    String url = card.path("url").isTextual() ? card.path("url").asText() : null;
    if (!transport.equalsIgnoreCase("JSONRPC")) {
      url = null;
      for (JsonNode i : card.path("additionalInterfaces")) {
        if (i.path("transport").asText().equalsIgnoreCase("JSONRPC") && i.path("url").isTextual()) {
          url = i.path("url").asText();
          break;
        }
      }
      if (url == null) {
        throw new CommandFault("configuration", 400, "Bad agent card", cardUri + " offers no JSONRPC interface (preferred: "
            + transport + "); Weft speaks A2A over JSON-RPC only", pointer);
      }
    }
    if (url == null || url.isBlank()) {
      throw new CommandFault("configuration", 400, "Bad agent card", cardUri + " has no 'url'", pointer);
    }
    try {
      return URI.create(cardUri).resolve(url).toString();
    } catch (IllegalArgumentException e) {
      throw new CommandFault("configuration", 400, "Bad agent card", cardUri + ": 'url' " + url + ": " + e.getMessage(), pointer);
    }
  }

  /**
   * The output of an answer to {@code method}: the {@code result} of the response or, for a
   * streaming method, the array of the results of its events in order (a plain JSON answer
   * counts as one event). A JSON-RPC {@code error} anywhere, a status outside 200-299, or an
   * answer that is no JSON-RPC response faults {@code runtime}.
   *
   * @param where the method and URI, for the fault's detail
   */
  static JsonNode output(HttpCaller.Reply reply, String method, String where, String step) throws CommandFault {
    boolean ok = reply.status() >= 200 && reply.status() < 300;
    boolean events = reply.contentType().toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    if (ok && events) {
      ArrayNode results = JSON.createArrayNode();
      for (String data : SseEvents.data(reply.body())) {
        results.add(result(parse(data, reply.status(), where, step), 500, where, step));
      }
      return results;
    }
    JsonNode response = ok ? parse(reply.body(), reply.status(), where, step) : lenient(reply.body());
    if (!ok && (response == null || !response.path("error").isObject())) {
      throw new CommandFault("runtime", reply.status(), "HTTP " + reply.status(),
          where + (reply.body().isBlank() ? "" : ": " + abbreviate(reply.body().strip())), step);
    }
    JsonNode result = result(response, ok ? 500 : reply.status(), where, step);
    return streaming(method) ? JSON.createArrayNode().add(result) : result;
  }

  /** The response's {@code result}; its {@code error} faults with {@code status}, the JSON-RPC code and message in the detail. */
  private static JsonNode result(JsonNode response, int status, String where, String step) throws CommandFault {
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      String data = error.hasNonNull("data") ? " (data: " + abbreviate(error.get("data").toString()) + ")" : "";
      throw new CommandFault("runtime", status, "A2A error", where + ": JSON-RPC error "
          + error.path("code").asText("?") + ": " + error.path("message").asText("") + data, step);
    }
    if (!response.has("result")) {
      throw new CommandFault("runtime", 502, "Bad A2A answer", where + ": a JSON-RPC response has neither 'result' nor 'error': "
          + abbreviate(response.toString()), step);
    }
    return response.get("result");
  }

  private static JsonNode parse(String text, int status, String where, String step) throws CommandFault {
    JsonNode node = lenient(text);
    if (node == null || !node.isObject()) {
      throw new CommandFault("runtime", 502, "Bad A2A answer", where + ": HTTP " + status + " with no JSON-RPC response: "
          + abbreviate(text.strip()), step);
    }
    return node;
  }

  private static JsonNode lenient(String text) {
    try {
      return text.isBlank() ? null : JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500) + "...";
  }
}
