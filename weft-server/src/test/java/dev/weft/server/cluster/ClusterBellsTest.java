package dev.weft.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.logs.LogBell;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.scheduling.RoundBell;
import dev.weft.server.scheduling.WorkBell;
import dev.weft.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers' bells joined through one PostgreSQL's {@code LISTEN}/{@code NOTIFY}: a ring of one
 * server's bell rings the same bell in the other, and only that one.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClusterBellsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  /** One server's bells, relayed. */
  private record Server(WorkBell work, LogBell logs, RelayedBell workers, ClusterBells cluster) implements AutoCloseable {
    static Server on(Database db, String name) {
      WorkBell work = new WorkBell();
      LogBell logs = new LogBell();
      RelayedBell workers = new RelayedBell();
      return new Server(work, logs, workers, ClusterBells.connect(db.openSignals(name), RoundBell.NONE, work, logs, workers));
    }

    @Override
    public void close() {
      cluster.close();
    }
  }

  @Test
  void a_worker_call_made_in_one_server_wakes_the_worker_polls_waiting_in_another() throws Exception {
    TestDb.Place place = TestDb.POSTGRES.place(dir);
    try (Database db = Database.open(place.url()); Server a = Server.on(db, "server-a"); Server b = Server.on(db, "server-b")) {
      long workersSeen = b.workers().rings();
      long workSeen = b.work().rings();
      long logsSeen = b.logs().rings();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      // a listener connects in the background: ring until the other side hears (each ring is a new signal)
      while (b.workers().rings() == workersSeen && System.nanoTime() < deadline) {
        a.workers().ring();
        b.workers().awaitAfter(workersSeen, Duration.ofMillis(200));
      }
      assertThat(b.workers().rings()).as("server-b's worker bell rang, within %s", PATIENCE).isGreaterThan(workersSeen);
      assertThat(b.work().rings()).as("the agents' bell did not").isEqualTo(workSeen);
      assertThat(b.logs().rings()).as("the log followers' bell did not").isEqualTo(logsSeen);
    } finally {
      place.dispose().run();
    }
  }
}
