package dev.weft.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Follows the demo's jobs through the REST API, as a user polling {@code GET /api/v1/jobs/{id}}
 * would, and keeps each attempt of each task: a task's record holds only its current attempt, so
 * an attempt is read ({@code GET /api/v1/tasks/{id}}: node, placed and started times) while it is
 * current, and the message the server leaves when it queues a task again ("preempted for ...")
 * is kept as the end of the attempt before.
 */
final class TaskWatch {
  private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
  private final ApiClient api;
  private final Set<String> jobs = new LinkedHashSet<>();
  private final Map<String, Watched> tasks = new LinkedHashMap<>();

  TaskWatch(ApiClient api) {
    this.api = api;
  }

  /** Follows {@code jobId} from now on (its tasks appear at the next {@link #poll}). */
  void follow(String jobId) {
    jobs.add(jobId);
  }

  /** One look at every followed job. */
  void poll() {
    for (String job : jobs) {
      for (JsonNode line : api.get("/api/v1/jobs/" + ApiClient.id(job)).path("tasks")) {
        see(line);
      }
    }
  }

  private void see(JsonNode line) {
    String id = line.path("id").asText();
    Watched w = tasks.computeIfAbsent(id, k -> new Watched());
    String state = line.path("state").asText();
    int attempt = line.path("attempt").asInt();
    w.state = state;
    String message = line.path("message").asText(null);
    if (attempt > 0 && message != null && !ENDED.contains(state)) { // the reason it was queued again
      w.endedBy.putIfAbsent(attempt - 1, message);
    }
    boolean onNode = !"PENDING".equals(state) && line.hasNonNull("node");
    boolean wantStart = !"PLACED".equals(state);
    Attempt known = w.attempts.get(attempt);
    if (onNode && (known == null || known.startedAt() == null && wantStart || ENDED.contains(state)
        && known.finishedAt() == null)) {
      JsonNode detail = api.get("/api/v1/tasks/" + ApiClient.id(id));
      w.detail = detail;
      if (detail.path("attempt").asInt() == attempt) {
        w.attempts.put(attempt, new Attempt(attempt, detail.path("node").asText(null), time(detail, "placedAt"),
            time(detail, "startedAt"), time(detail, "finishedAt"), null));
      }
    }
    w.lastAttempt = attempt;
  }

  int total() {
    return tasks.size();
  }

  int ended() {
    return (int) tasks.values().stream().filter(w -> ENDED.contains(w.state)).count();
  }

  boolean allEnded() {
    return !tasks.isEmpty() && ended() == tasks.size();
  }

  /** The tasks of {@code job} in {@code state} and how many the job has (0 before the first poll). */
  long inState(String job, String state) {
    return tasks.entrySet().stream().filter(e -> e.getKey().startsWith(job + "/") && state.equals(e.getValue().state))
        .count();
  }

  /** Whether {@code taskId} has been seen running or ended. */
  boolean started(String taskId) {
    Watched w = tasks.get(taskId);
    return w != null && ("RUNNING".equals(w.state) || ENDED.contains(w.state));
  }

  /** Each task's id and state, for an error message. */
  String describe() {
    StringBuilder b = new StringBuilder();
    tasks.forEach((id, w) -> b.append(b.isEmpty() ? "" : ", ").append(id).append(' ').append(w.state));
    return b.isEmpty() ? "none seen yet" : b.toString();
  }

  /** Each task's story; call after a final {@link #poll} once all have ended. */
  List<TaskStory> stories() {
    List<TaskStory> out = new ArrayList<>();
    tasks.forEach((id, w) -> {
      JsonNode d = w.detail != null ? w.detail : api.get("/api/v1/tasks/" + ApiClient.id(id));
      List<Attempt> attempts = new ArrayList<>();
      for (int n = 0; n <= w.lastAttempt; n++) {
        Attempt a = w.attempts.getOrDefault(n, new Attempt(n, null, null, null, null, null));
        attempts.add(n < w.lastAttempt ? a.withEnd(w.endedBy.getOrDefault(n, "queued again (not seen why)")) : a);
      }
      JsonNode spec = d.path("spec");
      out.add(new TaskStory(id, d.path("queue").asText(), d.path("priority").asInt(), spec.path("profile").asText("-"),
          spec.path("resources").path("cpu").asDouble(), estimateMillis(spec.path("estimate").asText("")),
          time(d, "submittedAt"), w.state, d.hasNonNull("exitCode") ? d.path("exitCode").asInt() : null, attempts));
    });
    return out;
  }

  private static long estimateMillis(String text) {
    return text.isEmpty() ? 0 : dev.weft.model.codec.DurationParser.millis(text);
  }

  private static Instant time(JsonNode n, String field) {
    return n.hasNonNull(field) ? Instant.parse(n.path(field).asText()) : null;
  }

  /** What the watch knows of one task. */
  private static final class Watched {
    String state;
    int lastAttempt;
    JsonNode detail;
    final Map<Integer, Attempt> attempts = new TreeMap<>();
    final Map<Integer, String> endedBy = new TreeMap<>();
  }
}
