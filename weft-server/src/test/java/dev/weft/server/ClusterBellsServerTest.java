package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.scheduling.NodeLiveness;
import dev.weft.server.scheduling.SchedulingSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL whose timed rounds are a minute apart (and whose lease outlives
 * that, so the second server cannot take over): a job submitted to the server that does not hold
 * the scheduler lease, and the agent polling that same server, get their task within seconds only
 * because the servers ring each other's bells ({@code ClusterBells}). Without the rings the task
 * waits for the lease holder's next timed round, a minute later, past this test's patience.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClusterBellsServerTest {
  private static final Duration ROUND = Duration.ofSeconds(60);
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String JOIN = """
      {"name": "n1", "topology": "eu/zone-a/rack-1", "capacity": {"cpuMillis": 2000, "memoryMiB": 1024, "diskMiB": 100}}""";

  @TempDir
  Path dir;

  private static WeftServer start(String url, String holder) {
    QuietLibraries.apply();
    SchedulingSettings slow = new SchedulingSettings(holder, ROUND, Duration.ofMinutes(5),
        NodeLiveness.DEFAULT_TIMEOUT, NodeLiveness.DEFAULT_MAX_REQUEUES, NodeLiveness.DEFAULT_TIMEOUT.dividedBy(3));
    ApiSettings api = new ApiSettings("127.0.0.1", 0, Tokens.none(), Bodies.DEFAULT_LIMIT);
    return WeftServer.start(new ServerSettings(url, api, 2), slow, List.of());
  }

  @Test
  void a_job_submitted_to_the_server_without_the_lease_is_placed_by_the_holder_at_once() throws Exception {
    TestDb.Place place = TestDb.POSTGRES.place(dir);
    try (WeftServer holder = start(place.url(), "server-a")) {
      awaitLeaseHeldBy(place.url(), "server-a");
      try (WeftServer other = start(place.url(), "server-b")) {
        Http http = new Http(other.port());
        Http.Reply joined = http.postJson("/api/v1/agent/join", null, JOIN);
        assertThat(joined.status()).as(joined.text()).isEqualTo(200);
        Http agent = http.withHeaders("Weft-Node-Secret", joined.json().get("nodeSecret").asText());
        Http.Reply submitted = http.postJson("/api/v1/jobs", null,
            "{\"id\": \"j\", \"task\": {\"resources\": {\"cpu\": \"100m\"}, \"run\": {\"builtin\": \"noop\"}}}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode start = null;
        while (start == null && System.nanoTime() < deadline) {
          Http.Reply polled = agent.postJson("/api/v1/agent/poll", null, "{\"nodeId\": \"n1\", \"waitMillis\": 5000}");
          assertThat(polled.status()).as(polled.text()).isEqualTo(200);
          for (JsonNode a : polled.json().get("assignments")) {
            start = a;
          }
        }
        assertThat(start).as("the task handed out by server-b within %s, rounds being %s apart", PATIENCE, ROUND)
            .isNotNull();
        assertThat(start.get("taskId").asText()).startsWith("j");
        assertThat(leaseHolder(place.url())).as("server-a placed it, holding the lease throughout").isEqualTo("server-a");
      }
    } finally {
      place.dispose().run();
    }
  }

  private static void awaitLeaseHeldBy(String url, String holder) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!holder.equals(leaseHolder(url))) {
      assertThat(System.nanoTime()).as("%s holds the scheduler lease", holder).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static String leaseHolder(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
         PreparedStatement ps = c.prepareStatement("SELECT holder FROM weft_lease");
         ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
