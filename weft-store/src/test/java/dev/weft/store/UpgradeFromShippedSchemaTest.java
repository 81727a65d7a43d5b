package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.jdbc.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made by an earlier release (the schema up to V12, with an instance and its journal in
 * the old layout) opens with this one: the later migrations apply in order and what was stored
 * reads back. New migrations must come after every version a release shipped, or Flyway refuses
 * such a database.
 */
class UpgradeFromShippedSchemaTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path dir;

  @Test
  void a_database_at_the_last_shipped_version_upgrades_and_keeps_its_instances_and_journal() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("weft");
    String prepared = Dialect.H2.prepare(url);
    Flyway.configure().dataSource(prepared, "", "").locations("classpath:db/migration/common").target("12").load()
        .migrate();
    try (Connection c = DriverManager.getConnection(prepared); Statement s = c.createStatement()) {
      s.execute("INSERT INTO weft_instance (id, idempotency_key, definition_name, definition_version, status, snapshot,"
          + " version, created_at, updated_at) VALUES ('old-1', 'k-1', 'orders', 1, 'RUNNING', '{}', 2, 0, 0)");
      s.execute("INSERT INTO weft_instance (id, idempotency_key, definition_name, definition_version, status, snapshot,"
          + " version, created_at, updated_at) VALUES ('old-2', 'k-2', 'orders', 1, 'COMPLETED', '{}', 3, 0, 0)");
      s.execute("INSERT INTO weft_event (instance_id, seq, type, payload, recorded_at) VALUES"
          + " ('old-1', 1, 'Started', '{\"n\":1}', 5), ('old-1', 2, 'Stepped', '{}', 6)");
    }
    try (Database db = Database.open(url)) {
      assertThat(db.events().history("old-1")).extracting(RecordedEvent::seq, RecordedEvent::type).containsExactly(
          org.assertj.core.groups.Tuple.tuple(1L, "Started"), org.assertj.core.groups.Tuple.tuple(2L, "Stepped"));
      assertThat(db.instances().list(InstanceFilter.all(10).withStatus(InstanceStatus.RUNNING))).extracting(Instance::id)
          .containsExactly("old-1");
      db.events().append(new Decision("old-1", 2, InstanceStatus.COMPLETED, empty(), List.of(new NewEvent("Ended",
          empty())), List.of()), T0);
      assertThat(db.events().history("old-1")).extracting(RecordedEvent::seq).containsExactly(1L, 2L, 3L);
      assertThat(db.instances().list(InstanceFilter.all(10).withStatus(InstanceStatus.RUNNING))).isEmpty();
      assertThat(db.instances().list(InstanceFilter.all(10).withStatus(InstanceStatus.COMPLETED))).hasSize(2);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode empty() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }
}
