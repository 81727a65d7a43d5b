package dev.weft.server.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** H2 in a temp dir, or a fresh schema on the local PostgreSQL (skipped when it is unreachable). */
public enum TestDb {
  H2, POSTGRES;

  public static final String POSTGRES_URL = System.getProperty("weft.test.postgres",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  static {
    FLYWAY_LOG.setLevel(Level.WARNING);
  }

  /** A database of its own, open; closing it closes the database and throws the place away. */
  public record Opened(Database db, Runnable dispose) implements AutoCloseable {
    @Override
    public void close() {
      try {
        db.close();
      } finally {
        dispose.run();
      }
    }
  }

  /** {@link #place} and open it, as one thing to close. */
  public Opened open(Path tempDir) {
    Place p = place(tempDir);
    try {
      return new Opened(p.open(), p.dispose());
    } catch (RuntimeException e) { // a migration that fails must not leave its schema behind
      p.dispose().run();
      throw e;
    }
  }

  /** A database URL of its own, and how to throw it away afterwards. */
  public record Place(String url, Runnable dispose) {
    public Database open() {
      return Database.open(url);
    }
  }

  public Place place(Path tempDir) {
    if (this == H2) {
      return new Place("jdbc:h2:file:" + tempDir.resolve("weft").toAbsolutePath(), () -> { });
    }
    String schema = "weft_rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(POSTGRES_URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at " + POSTGRES_URL + " is unreachable, skipping: " + e.getMessage());
    }
    return new Place(POSTGRES_URL + "&currentSchema=" + schema, () -> {
      try (Connection c = DriverManager.getConnection(POSTGRES_URL)) {
        c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop test schema " + schema, e);
      }
    });
  }
}
