package dev.weft.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft server --db-wait}: a server started while its PostgreSQL is down waits for it and
 * serves once it is up; without the option it exits at once (exit 1, the reason in one line); a
 * database that answers but refuses (one that does not exist) is not waited for. The database is
 * a private PostgreSQL started by the test ({@link PrivatePostgres}), stopped before the server starts.
 */
class DatabaseWaitEndToEndTest {
  private static final Pattern WAITING = Pattern.compile("the database cannot be reached yet");

  @TempDir
  Path dir;

  @Test
  void a_server_waits_for_a_database_that_is_not_up_yet_and_serves_once_it_is() throws Exception {
    try (PrivatePostgres pg = PrivatePostgres.start()) {
      pg.stop();
      ChildProcess now = ChildProcess.weft("no-wait", List.of("server", "--db", pg.url(), "--port", "0"));
      assertThat(now.await(Pattern.compile("weft: (cannot open .*)"), Duration.ofSeconds(60)))
          .as(now.output()).hasValueSatisfying(m -> assertThat(m).contains("Connection").doesNotContain("\tat "));
      now.close();

      try (ChildProcess server = ChildProcess.weft("waits", List.of("server", "--db", pg.url(), "--port",
          Integer.toString(ChildProcess.freeLoopbackPort()), "--db-wait", "120s"))) {
        assertThat(server.await(WAITING, Duration.ofSeconds(60))).as(server.output()).isPresent();
        Thread.sleep(2_000); // a few more tries against the stopped database
        assertThat(server.alive()).as(server.output()).isTrue();
        assertThat(server.output()).doesNotContain("listening on");

        pg.startServer();
        String base = server.awaitListening(Duration.ofSeconds(90));
        HttpResponse<String> health = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(server.output()).doesNotContain("Exception");
      }

      String missing = pg.url().replace("/postgres?", "/no_such_database?");
      ChildProcess refused = ChildProcess.weft("refused", List.of("server", "--db", missing, "--port", "0",
          "--db-wait", "120s"));
      assertThat(refused.await(Pattern.compile("weft: (cannot open .*)"), Duration.ofSeconds(60)))
          .as("refused, not waited for: " + refused.output()).hasValueSatisfying(m -> assertThat(m).contains("no_such_database"));
      assertThat(refused.output()).doesNotContain("cannot be reached yet");
      refused.close();
    }
  }
}
