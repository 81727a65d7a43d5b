package dev.weft.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.WeftRun;
import dev.weft.server.QuietLibraries;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.api.limits.RequestRate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against {@code weft server --rate-limit}: a request answered 429 is sent again after its
 * Retry-After when that is short (the request was not carried out), and reported at once, with the
 * server's problem, when it is long.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RateLimitedClientTest {
  private static final String ADMIN = "admin-token-rate-cli-0123456789";

  @TempDir
  Path dir;

  private WeftServer server(String name, RequestRate rate) {
    QuietLibraries.apply();
    ApiSettings api = new ApiSettings("127.0.0.1", 0, Tokens.parse(ADMIN + " admin ci\n", "tokens"), Bodies.DEFAULT_LIMIT)
        .withRateLimit(rate);
    return WeftServer.start(new ServerSettings("jdbc:h2:file:" + dir.resolve(name).resolve("weft"), api, 2), List.of());
  }

  private static WeftRun nodes(WeftServer s) {
    return WeftRun.of("nodes", "--server", "http://127.0.0.1:" + s.port(), "--token", ADMIN);
  }

  @Test
  void a_short_retry_after_is_waited_out_and_the_request_sent_again() {
    try (WeftServer s = server("short", new RequestRate(1, 1))) {
      assertThat(nodes(s).exitCode()).isZero();
      WeftRun second = nodes(s); // finds the bucket empty: 429, Retry-After 1, then succeeds
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.out()).contains("NODE");
    }
  }

  @Test
  void a_long_retry_after_is_reported_at_once_with_the_servers_problem() {
    try (WeftServer s = server("long", new RequestRate(1.0 / 3600, 1))) {
      assertThat(nodes(s).exitCode()).isZero();
      WeftRun second = nodes(s);
      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.err()).startsWith("weft: 429 Too many requests: caller 'ci' may make 1 request an hour"
          + " (bursts of 1); try again in ");
    }
  }
}
