package dev.weft.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqlFailuresTest {
  @ParameterizedTest(name = "SQLState {0} ({1}): lost connection = {2}")
  @CsvSource({
      "08001, cannot connect (refused), true",
      "08003, connection does not exist (closed), true",
      "08006, connection failure (I/O error), true",
      "57P01, admin shutdown (pg_ctl stop -m fast), true",
      "57P02, crash shutdown, true",
      "57P03, cannot connect now (starting up), true",
      "23505, unique violation, false",
      "40001, serialization failure, false",
      "40P01, deadlock, false",
      "42P01, undefined table, false"})
  void the_sql_state_tells_a_lost_database_from_a_refused_statement(String state, String meaning, boolean lost) {
    SQLException e = new SQLException(meaning, state);
    assertThat(SqlFailures.lostConnection(e)).isEqualTo(lost);
    assertThat(SqlFailures.wrap("reading x failed", e)).isInstanceOf(lost ? StoreUnavailableException.class : StoreException.class)
        .hasCause(e);
  }

  @Test
  void the_pools_timeout_waiting_for_a_connection_is_a_lost_database() {
    SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
        "weft-store - Connection is not available, request timed out after 5000ms");
    assertThat(SqlFailures.wrap("no database connection", poolTimeout)).isInstanceOf(StoreUnavailableException.class)
        .hasMessage("database unavailable: no database connection");
  }

  @Test
  void a_connection_failure_anywhere_in_the_cause_chain_counts() {
    SQLException wrapped = new SQLException("batch failed", "HY000", new SQLException("I/O error", "08006"));
    assertThat(SqlFailures.lostConnection(wrapped)).isTrue();
    assertThat(SqlFailures.lostConnection(new SQLIntegrityConstraintViolationException("dup", "23505"))).isFalse();
    assertThat(SqlFailures.lostConnection(new SQLException("no state"))).isFalse();
  }
}
