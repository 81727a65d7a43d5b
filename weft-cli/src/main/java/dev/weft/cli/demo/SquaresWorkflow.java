package dev.weft.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The workflow part of the demo, over the REST API: registers the {@code square} process service
 * and the {@code sum-of-squares} workflow (the files of {@code examples/}, shipped in the jar),
 * starts one instance over the numbers 1 to 10, follows it, and reads back the tasks its square
 * calls became (each placed by the scheduler on an agent).
 */
final class SquaresWorkflow {
  static final String DEFINITION = "examples/sum-of-squares";
  static final List<Integer> NUMBERS = IntStream.rangeClosed(1, 10).boxed().toList();
  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ApiClient api;
  private String id;
  private JsonNode last;

  SquaresWorkflow(ApiClient api) {
    this.api = api;
  }

  void register() {
    api.post("/api/v1/services", "application/yaml", resource("examples/square-service.yaml"));
    api.post("/api/v1/workflows", "application/yaml", resource("examples/sum-of-squares.yaml"));
  }

  void start() {
    ObjectNode body = JSON.createObjectNode().put("definition", DEFINITION);
    NUMBERS.forEach(body.putObject("input").putArray("numbers")::add);
    id = api.post("/api/v1/instances", "application/json", body.toString()).path("id").asText();
    last = null;
  }

  boolean started() {
    return id != null;
  }

  void poll() {
    if (id != null) {
      last = api.get("/api/v1/instances/" + ApiClient.id(id));
    }
  }

  String status() {
    return last == null ? "not seen yet" : last.path("status").asText();
  }

  boolean ended() {
    return last != null && ENDED.contains(last.path("status").asText());
  }

  /** What became of the instance and its square tasks; call once it has {@link #ended}. */
  WorkflowResult result() {
    List<WorkflowResult.Call> calls = new ArrayList<>();
    for (JsonNode link : api.get("/api/v1/instances/" + ApiClient.id(id) + "/tasks").path("items")) {
      JsonNode t = api.get("/api/v1/tasks/" + ApiClient.id(link.path("taskId").asText()));
      calls.add(new WorkflowResult.Call(t.path("id").asText(), t.path("node").asText(null), t.path("queue").asText(),
          t.path("priority").asInt(), time(t, "submittedAt"), time(t, "startedAt"), t.path("state").asText(),
          t.path("attempt").asInt()));
    }
    return new WorkflowResult(DEFINITION, NUMBERS, id, last.path("status").asText(), time(last, "createdAt"),
        time(last, "updatedAt"), last.path("output"), last.path("error"), calls);
  }

  private static Instant time(JsonNode n, String field) {
    return n.hasNonNull(field) ? Instant.parse(n.path(field).asText()) : null;
  }

  private static String resource(String path) {
    try (InputStream in = SquaresWorkflow.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new DemoFailedException(path + " is not in the jar (weft-cli packs ../examples); rebuild it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
