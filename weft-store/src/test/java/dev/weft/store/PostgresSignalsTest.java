package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Signals} between processes on one PostgreSQL (each {@link Database#openSignals} here
 * stands for one server). A signal sent before the other side listens is lost by design, so each
 * test sends until the listener has heard one, which also proves that listener is up before a
 * later assertion says it heard nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresSignalsTest {
  private static final long PATIENCE_MILLIS = 20_000;
  @TempDir Path dir;

  @Test
  void a_signal_reaches_the_other_processes_of_its_schema_and_not_its_sender_nor_another_schema() throws Exception {
    TestDatabase.Opened one = TestDatabase.POSTGRES.open(dir.resolve("one"));
    TestDatabase.Opened other = TestDatabase.POSTGRES.open(dir.resolve("other"));
    try (Signals a = one.database().openSignals("a"); Signals b = one.database().openSignals("b");
         Signals c = other.database().openSignals("c"); Signals d = other.database().openSignals("d")) {
      List<String> heardByA = listen(a);
      List<String> heardByB = listen(b);
      List<String> heardByC = listen(c);
      sendUntil(a, "round", () -> heardByB.contains("round"));
      sendUntil(b, "work", () -> heardByA.contains("work"));
      sendUntil(d, "logs", () -> heardByC.contains("logs"));
      a.send("round");
      b.send("round");
      sendUntil(d, "work", () -> heardByC.contains("work")); // a later signal of its own schema: c is listening
      assertThat(heardByA).as("a heard b's signals, never its own").containsOnly("work", "round");
      assertThat(heardByB).as("b never heard its own").containsOnly("round");
      assertThat(heardByC).as("c, in another schema, heard only d").containsOnly("logs", "work");
    } finally {
      one.dispose().run();
      other.dispose().run();
    }
  }

  @Test
  void a_listener_whose_session_the_server_ended_listens_again_and_says_every_channel_once() throws Exception {
    TestDatabase.Opened opened = TestDatabase.POSTGRES.open(dir);
    String app = "weft-signals-" + UUID.randomUUID().toString().substring(0, 8);
    try (Database named = Database.open(opened.url() + "&ApplicationName=" + app);
         Signals a = opened.database().openSignals("a"); Signals b = named.openSignals("b")) {
      List<String> heardByB = listen(b);
      sendUntil(a, "round", () -> heardByB.contains("round"));
      heardByB.clear();
      endListeningSession(app);
      await(() -> heardByB.containsAll(Set.of("round", "work")), "b says every channel once after listening again");
      heardByB.clear();
      sendUntil(a, "work", () -> heardByB.contains("work"));
    } finally {
      opened.dispose().run();
    }
  }

  @Test
  void an_embedded_database_has_no_signals() {
    TestDatabase.Opened h2 = TestDatabase.H2.open(dir);
    try (Signals s = h2.database().openSignals("a")) {
      assertThat(s).isSameAs(Signals.NONE);
    } finally {
      h2.dispose().run();
    }
  }

  private static List<String> listen(Signals s) {
    List<String> heard = new CopyOnWriteArrayList<>();
    s.listen(Set.of("round", "work", "logs"), heard::add);
    return heard;
  }

  private static void sendUntil(Signals s, String channel, BooleanSupplier heard) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (!heard.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("%s heard within %d ms", channel, PATIENCE_MILLIS).isLessThan(deadline);
      s.send(channel);
      Thread.sleep(50);
    }
  }

  private static void await(BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (!done.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Ends the session of {@code app} that listens (what a PostgreSQL restart does to it). */
  private static void endListeningSession(String app) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.POSTGRES_URL)) {
      Integer pid = null;
      long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
      while (pid == null) {
        assertThat(System.currentTimeMillis()).as("a listening session of " + app).isLessThan(deadline);
        try (PreparedStatement s = c.prepareStatement(
            "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND query LIKE 'LISTEN%'")) {
          s.setString(1, app);
          try (ResultSet r = s.executeQuery()) {
            pid = r.next() ? r.getInt(1) : null;
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
        s.setInt(1, pid);
        s.execute();
      }
    }
  }
}
