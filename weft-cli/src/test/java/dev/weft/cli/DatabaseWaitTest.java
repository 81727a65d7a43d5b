package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which failures to open a database {@code weft server --db-wait} waits out, and how it tries again. */
class DatabaseWaitTest {
  private static StoreException failed(Throwable cause) {
    return new StoreException("cannot open jdbc:postgresql://db/weft: " + cause.getMessage(), cause);
  }

  @Test
  void a_refused_connection_or_a_database_still_starting_is_waited_out() {
    assertThat(DatabaseWait.unreachable(failed(new RuntimeException("pool", new SQLException("Connection refused",
        "08001", new ConnectException("Connection refused")))))).isTrue();
    assertThat(DatabaseWait.unreachable(failed(new SQLException("FATAL: the database system is starting up", "57P03"))))
        .isTrue();
    assertThat(DatabaseWait.unreachable(failed(new ConnectException("Connection refused")))).isTrue();
  }

  @Test
  void a_database_that_answers_and_refuses_is_not_waited_for() {
    assertThat(DatabaseWait.unreachable(failed(new SQLException("FATAL: database \"x\" does not exist", "3D000")))).isFalse();
    assertThat(DatabaseWait.unreachable(failed(new SQLException("FATAL: password authentication failed", "28P01"))))
        .isFalse();
    assertThat(DatabaseWait.unreachable(failed(new IllegalStateException("migration V3 failed")))).isFalse();
  }

  @Test
  void it_tries_again_while_the_wait_lasts_says_so_once_and_gives_the_last_failure_after() throws Exception {
    StringWriter err = new StringWriter();
    AtomicInteger tries = new AtomicInteger();
    String opened = DatabaseWait.retrying(() -> {
      if (tries.incrementAndGet() < 3) {
        throw failed(new ConnectException("Connection refused"));
      }
      return "open";
    }, Duration.ofSeconds(30), new PrintWriter(err, true));
    assertThat(opened).isEqualTo("open");
    assertThat(tries).hasValue(3);
    assertThat(err.toString().lines()).containsExactly(
        "weft: the database cannot be reached yet (Connection refused); trying again for up to 30 s (--db-wait)");

    AtomicInteger refused = new AtomicInteger();
    assertThatThrownBy(() -> DatabaseWait.retrying(() -> {
      refused.incrementAndGet();
      throw failed(new SQLException("FATAL: database \"x\" does not exist", "3D000"));
    }, Duration.ofSeconds(30), new PrintWriter(new StringWriter(), true))).hasMessageContaining("does not exist");
    assertThat(refused).as("not tried again").hasValue(1);

    AtomicInteger none = new AtomicInteger();
    assertThatThrownBy(() -> DatabaseWait.retrying(() -> {
      none.incrementAndGet();
      throw failed(new ConnectException("Connection refused"));
    }, Duration.ZERO, new PrintWriter(new StringWriter(), true))).hasMessageContaining("Connection refused");
    assertThat(none).as("no wait: one try").hasValue(1);
  }
}
