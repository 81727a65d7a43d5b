package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Servers of a cluster started at the same moment on an empty (or older) PostgreSQL schema, as after
 * an upgrade of every server: each applies the migrations or waits for the one that does (Flyway
 * holds a PostgreSQL advisory lock while migrating), and every one opens; each migration is applied
 * once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConcurrentMigrationTest {
  @Test
  void four_servers_opening_one_empty_schema_at_once_all_open_and_each_migration_is_applied_once() throws Exception {
    String schema = "weft_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(TestDatabase.POSTGRES_URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at " + TestDatabase.POSTGRES_URL + " is unreachable, skipping: " + e.getMessage());
    }
    String url = TestDatabase.POSTGRES_URL + "&currentSchema=" + schema;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Database> opened = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Database>> opens = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opens.add(pool.submit(() -> {
          go.await();
          return Database.open(url);
        }));
      }
      go.countDown();
      for (Future<Database> f : opens) {
        opened.add(f.get(2, TimeUnit.MINUTES)); // throws if any open failed
      }
      assertThat(opened).hasSize(4);
      try (Connection c = DriverManager.getConnection(url);
           ResultSet r = c.createStatement().executeQuery("SELECT version, count(*) FROM flyway_schema_history"
               + " WHERE success AND version IS NOT NULL GROUP BY version HAVING count(*) > 1")) {
        assertThat(r.next()).as("a migration applied twice").isFalse();
      }
      try (Connection c = DriverManager.getConnection(url);
           ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success")) {
        r.next();
        assertThat(r.getInt(1)).as("failed migrations").isZero();
      }
      assertThat(opened.getFirst().instances().list(InstanceFilter.all(1))).as("the schema is usable").isEmpty();
    } finally {
      opened.forEach(Database::close);
      pool.shutdownNow();
      try (Connection c = DriverManager.getConnection(TestDatabase.POSTGRES_URL)) {
        c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
