package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.jdbc.Dialect;
import org.junit.jupiter.api.Test;

/** Choosing the adapter from the JDBC URL. */
class DatabaseTest {
  @Test
  void the_url_picks_the_database() {
    assertThat(Dialect.of("jdbc:h2:file:./weft-data/weft")).isEqualTo(Dialect.H2);
    assertThat(Dialect.of("jdbc:postgresql://127.0.0.1:5432/test")).isEqualTo(Dialect.POSTGRES);
    assertThat(Dialect.of(Database.DEFAULT_URL)).isEqualTo(Dialect.H2);
  }

  @Test
  void an_unsupported_url_names_the_supported_ones() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/weft"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql").hasMessageContaining("jdbc:h2:file:").hasMessageContaining("jdbc:postgresql://");
  }

  @Test
  void h2_gets_postgresql_mode_and_synchronous_commits_unless_the_url_says_otherwise() {
    assertThat(Dialect.H2.prepare("jdbc:h2:file:/x")).isEqualTo("jdbc:h2:file:/x;MODE=PostgreSQL"
        + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    assertThat(Dialect.H2.prepare("jdbc:h2:file:/x;mode=PostgreSQL;WRITE_DELAY=0;DATABASE_TO_LOWER=TRUE"
        + ";DEFAULT_NULL_ORDERING=HIGH"))
        .isEqualTo("jdbc:h2:file:/x;mode=PostgreSQL;WRITE_DELAY=0;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    assertThat(Dialect.POSTGRES.prepare("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void an_unreachable_database_is_a_store_error_naming_the_url() {
    assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=1"))
        .isInstanceOf(StoreException.class).hasMessageContaining("127.0.0.1:1/nowhere");
  }
}
