package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What every port's contract suite shares: a fresh database per test, a fixed clock, helpers. */
abstract class StoreContract {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path tempDir;
  Database db;
  private TestDatabase.Opened opened;

  /** The database this concrete suite runs on. */
  abstract TestDatabase target();

  @BeforeEach
  void openDatabase() {
    opened = target().open(tempDir);
    db = opened.database();
  }

  @AfterEach
  void disposeDatabase() {
    if (opened != null) {
      opened.dispose().run();
    }
  }

  /** The URL of this test's database, for another process to open. */
  String testUrl() {
    return opened.url();
  }

  /** Closes the database and opens the same one again, as a restarted process would. */
  void reopen() {
    TestDatabase.Opened before = opened;
    before.database().close();
    Database again = Database.open(before.url());
    opened = new TestDatabase.Opened(before.url(), again, () -> {
      again.close();
      before.dispose().run();
    });
    db = again;
  }

  static JsonNode json(String field, int value) {
    return JsonNodeFactory.instance.objectNode().put(field, value);
  }

  Instance newInstance(String id) {
    return db.instances().create(new NewInstance(id, "key-" + id, "order", 1, json("step", 0)), T0);
  }
}
