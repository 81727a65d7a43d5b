package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.api.limits.RequestRate;
import dev.weft.server.scheduling.SchedulingSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft server --rate-limit}: a caller past its burst gets 429, a problem naming it and its
 * limit, and Retry-After; other callers, the agent and worker protocols and {@code /healthz} are
 * not held back by it. The limit is 30 a minute with bursts of 3, so no token comes back during the test.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RateLimitApiTest {
  private static final String CI = "ci-token-rate-0123456789";
  private static final String OPS = "ops-token-rate-0123456789";
  private static final String AGENT = "agent-token-rate-0123456789";
  private static final String WORKER = "worker-token-rate-0123456789";
  private static final Tokens TOKENS = Tokens.parse(CI + " operator ci\n" + OPS + " operator ops\n" + AGENT
      + " agent nodes\n" + WORKER + " worker fleet\n", "tokens");

  @TempDir
  Path dir;

  @Test
  void a_caller_past_its_burst_is_told_to_come_back_and_others_are_not_held_back() {
    QuietLibraries.apply();
    ApiSettings api = new ApiSettings("127.0.0.1", 0, TOKENS, Bodies.DEFAULT_LIMIT)
        .withRateLimit(new RequestRate(0.5, 3));
    try (WeftServer server = WeftServer.start(new ServerSettings("jdbc:h2:file:" + dir.resolve("db/weft")
        .toAbsolutePath(), api, 2), SchedulingSettings.defaults("rate-test"), List.of())) {
      Http http = new Http(server.port());
      for (int i = 0; i < 3; i++) {
        assertThat(http.get("/api/v1/jobs", CI).status()).as("request %d of the burst", i + 1).isEqualTo(200);
      }
      Http.Reply refused = http.postJson("/api/v1/jobs", CI, "{\"id\": \"never\", \"task\": {\"run\": {\"builtin\": \"noop\"}}}");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().path("detail").asText())
          .isEqualTo("caller 'ci' may make 30 requests a minute (bursts of 3); try again in 2 s");
      assertThat(refused.header("Retry-After")).isEqualTo("2");
      assertThat(http.get("/api/v1/jobs/never", OPS).status()).as("a refused request did nothing").isEqualTo(404);

      for (int i = 0; i < 2; i++) { // with the look above, another caller's own burst of 3
        assertThat(http.get("/api/v1/nodes", OPS).status()).as("another caller's own burst").isEqualTo(200);
      }
      Http agent = http.joined(AGENT, "{\"name\": \"n1\", \"topology\": \"eu/a/r1\", \"capacity\": {\"cpuMillis\": 1000,"
          + " \"memoryMiB\": 512}}");
      for (int i = 0; i < 10; i++) {
        assertThat(http.get("/healthz", null).status()).as("health is not limited").isEqualTo(200);
        assertThat(agent.postJson("/api/v1/agent/heartbeat", AGENT, "{\"nodeId\": \"n1\"}").status())
            .as("the agent protocol is not limited").isEqualTo(200);
        assertThat(http.postJson("/api/v1/worker/poll", WORKER, "{\"worker\": \"w1\", \"queues\": [\"q\"]}").status())
            .as("the worker protocol is not limited").isEqualTo(200);
      }
      assertThat(http.get("/api/v1/jobs", CI).status()).as("still refused").isEqualTo(429);
    }
  }
}
