package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a PostgreSQL restart does to an open {@link Database}, on the real server: its sessions
 * are ended by the server ({@code pg_terminate_backend}, what {@code pg_ctl stop -m fast} does to
 * every session). The work in flight fails with {@link StoreUnavailableException}; so may the
 * next few calls, one per ended connection the pool hands out before it has noticed (it skips the
 * validity check of a connection used within the last half second), and then calls work on fresh
 * connections: the pool needs no help. (The whole restart, with servers and
 * agents, is PostgresRestartEndToEndTest in weft-cli.)
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresLostConnectionTest {
  @TempDir Path dir;

  @Test
  void sessions_ended_by_the_server_fail_the_work_as_unavailable_and_the_next_call_gets_a_new_connection() throws Exception {
    TestDatabase.Opened opened = TestDatabase.POSTGRES.open(dir);
    String app = "weft-lost-" + UUID.randomUUID().toString().substring(0, 8);
    try (Database db = Database.open(opened.url() + "&ApplicationName=" + app)) {
      assertThat(db.instances().find("none")).isEmpty();
      assertThatThrownBy(() -> db.transactor().inTransaction(() -> {
        db.instances().find("none");
        endSessions(app);
        return db.instances().find("none");
      })).isInstanceOf(StoreUnavailableException.class).hasMessageStartingWith("database unavailable: ");
      // the pool's other connections were ended too; each fails at most one call (and is dropped), as unavailable
      Optional<Instance> found = null;
      int failed = 0;
      for (int call = 0; call <= Database.POOL_SIZE && found == null; call++) {
        try {
          found = db.instances().find("none");
        } catch (StoreUnavailableException e) {
          failed++;
        }
      }
      assertThat(found).as("a call after at most %d failed ones (the pool's ended connections)", failed).isEmpty();
    } finally {
      opened.dispose().run();
    }
  }

  /** Ends every session named {@code app} from another connection and waits until they are gone. */
  private static void endSessions(String app) {
    try (Connection c = DriverManager.getConnection(TestDatabase.POSTGRES_URL)) {
      List<Integer> pids = new ArrayList<>();
      // the pids first, then one by one: a WHERE clause may run the function before the name filter
      try (PreparedStatement s = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
        s.setString(1, app);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            pids.add(r.getInt(1));
          }
        }
      }
      assertThat(pids).as("sessions of %s", app).isNotEmpty();
      for (int pid : pids) {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
          s.setInt(1, pid);
          s.execute();
        }
      }
      Array ids = c.createArrayOf("int4", pids.toArray());
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < deadline) {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(?)")) {
          s.setArray(1, ids);
          try (ResultSet r = s.executeQuery()) {
            r.next();
            if (r.getInt(1) == 0) {
              return;
            }
          }
        }
        Thread.sleep(50);
      }
      throw new AssertionError("sessions " + pids + " still there 30 s after pg_terminate_backend");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot end the sessions of " + app + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
