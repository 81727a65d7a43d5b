package dev.weft.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The two databases every contract suite runs on; each open gets its own schema or file. */
enum TestDatabase {
  H2, POSTGRES;

  static final String POSTGRES_URL = System.getProperty("weft.test.postgres",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  /** An open database plus how to throw it away. */
  record Opened(String url, Database database, Runnable dispose) {}

  /** Flyway reports every migration on java.util.logging; the tests need only its warnings. */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  static {
    FLYWAY_LOG.setLevel(Level.WARNING);
  }

  Opened open(Path tempDir) {
    return switch (this) {
      case H2 -> {
        String url = "jdbc:h2:file:" + tempDir.resolve("weft").toAbsolutePath();
        Database db = Database.open(url);
        yield new Opened(url, db, db::close);
      }
      case POSTGRES -> openPostgres();
    };
  }

  private static Opened openPostgres() {
    String schema = "weft_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(POSTGRES_URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at " + POSTGRES_URL + " is unreachable, skipping: " + e.getMessage());
    }
    String url = POSTGRES_URL + "&currentSchema=" + schema;
    Database db;
    try {
      db = Database.open(url);
    } catch (RuntimeException e) { // a migration that fails must not leave its schema behind
      drop(schema);
      throw e;
    }
    return new Opened(url, db, () -> {
      db.close();
      drop(schema);
    });
  }

  private static void drop(String schema) {
    try (Connection c = DriverManager.getConnection(POSTGRES_URL)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + schema, e);
    }
  }
}
