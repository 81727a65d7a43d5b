package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.secrets.SecretSource;
import dev.weft.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A database with a runtime, operations, event delivery and queries on it, all sharing one clock and id sequence. */
final class TestEnv implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String HEAD = """
      document:
        dsl: '1.0.0'
        namespace: test
        name: %s
        version: '%s'
      do:
      """;

  /** The value of the secret {@code token} every instance of this environment may declare. */
  static final String SECRET = "s3cret-XYZ";

  final FakeClock clock = new FakeClock(1_000_000);
  private final TestDb.Place place;
  final Database db;
  final WorkflowRuntime runtime;
  final InstanceOperations ops;
  final EventDelivery delivery;
  final InstanceQueries queries;

  TestEnv(TestDb which, Path dir) {
    place = which.place(dir);
    db = place.open();
    AtomicInteger n = new AtomicInteger();
    SecretSource secrets = SecretSource.of(Map.of("token", JSON.getNodeFactory().textNode(SECRET)));
    delivery = new EventDelivery(db, clock, secrets);
    runtime = new WorkflowRuntime(db, clock, () -> "i" + n.incrementAndGet(), Duration.ofSeconds(5), delivery::publish,
        HostRedirects.NONE, secrets);
    ops = new InstanceOperations(db, clock, () -> "i" + n.incrementAndGet(), secrets);
    queries = new InstanceQueries(db);
  }

  static String doc(String name, String version, String tasks) {
    return HEAD.formatted(name, version) + tasks.stripIndent();
  }

  static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() {
    try {
      db.close();
    } finally {
      place.dispose().run();
    }
  }
}
