package dev.weft.bench.tasks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Submits arrays of no-op tasks through the REST API, as a user does ({@code POST /api/v1/jobs}). */
final class JobPoster {
  /**
   * What each task asks for: a little, so that a node holds at most 800 of them at once and the
   * scheduler spreads a large batch over the agents (a task asking for nothing fits anywhere, and
   * bin-packing would then put every one on the first node).
   */
  static final String RESOURCES = "{\"cpu\":\"10m\",\"memory\":\"1Mi\"}";
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI jobs;

  JobPoster(URI server) {
    this.jobs = server.resolve("/api/v1/jobs");
  }

  /** Job {@code id}: {@code count} copies of a task asking {@link #RESOURCES} that runs {@code {builtin: noop}}. */
  void post(String id, int count) throws InterruptedException {
    String body = "{\"id\":\"" + id + "\",\"name\":\"bench-noop\",\"task\":{\"resources\":" + RESOURCES
        + ",\"run\":{\"builtin\":\"noop\"}},\"count\":" + count + "}";
    HttpRequest req = HttpRequest.newBuilder(jobs).timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("submitting job " + id + ": " + e.getMessage(), e);
    }
    if (resp.statusCode() != 201) {
      throw new IllegalStateException("submitting job " + id + ": the server answered " + resp.statusCode() + ": "
          + resp.body().substring(0, Math.min(300, resp.body().length())));
    }
  }
}
