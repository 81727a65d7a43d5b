package dev.weft.server.runtime;

import static dev.weft.server.runtime.TestEnv.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.secrets.SecretSource;
import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code schedule.on}: published events start instances of the definitions whose trigger they
 * complete, carried out by the multi-threaded engine; each event starts a definition at most once,
 * also when published twice or to two servers at once.
 */
class StartOnEventsTest {
  private static final String TAIL = """
      do:
        - pause:
            wait: PT0.05S
        - take:
            set: { orders: '${ [ .[].data.order ] }', ids: '${ [ .[].id ] }' }
      """;

  @TempDir
  Path dir;

  private static String doc(String name, String on) {
    return """
        document: { dsl: '1.0.0', namespace: test, name: %s, version: '1.0.0' }
        schedule:
          on:
        %s
        """.formatted(name, on.stripIndent().indent(4).stripTrailing()) + TAIL;
  }

  static final String ONE = doc("on-one", """
      one:
        with: { type: com.shop.placed }
      """);
  static final String ANY = doc("on-any", """
      any:
        - with: { type: com.shop.placed }
        - with: { type: com.shop.imported }
      """);
  static final String ALL = doc("on-all", """
      all:
        - with: { type: com.shop.placed }
        - with: { type: com.shop.paid }
      """);

  static JsonNode event(String type, String id, int order) {
    return json("{\"specversion\": \"1.0\", \"source\": \"https://shop\", \"id\": \"" + id + "\", \"type\": \"" + type
        + "\", \"data\": {\"order\": " + order + "}}");
  }

  /** One server's workflow side: its own pool, event delivery and engine. */
  private record Server(Database db, EventDelivery delivery, WorkflowEngine engine) implements AutoCloseable {
    static Server open(TestDb.Place place, String name) {
      Database db = place.open();
      EventDelivery delivery = new EventDelivery(db, RuntimeClock.system());
      WorkflowEngine engine = WorkflowEngine.open(db, EngineSettings.of(name).withDispatchers(2), RuntimeClock.system(),
          () -> name + "-" + UUID.randomUUID(), SecretSource.none(), delivery::publish);
      return new Server(db, delivery, engine);
    }

    void define(String... docs) {
      for (String d : docs) {
        new Definitions(db.definitions()).store(d, Instant.now());
      }
    }

    @Override
    public void close() {
      try {
        engine.close();
      } finally {
        db.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void oneStartsAnInstancePerMatchingEventAndIgnoresOthers(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Server s = Server.open(place, "a")) {
      s.define(ONE);
      assertThat(s.delivery.deliver(event("com.shop.placed", "e1", 1)).started()).hasSize(1);
      assertThat(s.delivery.deliver(event("com.shop.placed", "e2", 2)).started()).hasSize(1);
      assertThat(s.delivery.deliver(event("com.shop.cancelled", "e3", 3)).started()).isEmpty();
      awaitCompleted(s.db, "on-one", 2);
      assertThat(outputs(s.db, "on-one")).containsExactlyInAnyOrder(json("[1]"), json("[2]"));
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void anyStartsOnAnEventMatchingAnyOfItsFilters(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Server s = Server.open(place, "a")) {
      s.define(ANY);
      s.delivery.deliver(event("com.shop.placed", "e1", 1));
      s.delivery.deliver(event("com.shop.imported", "e2", 2));
      assertThat(s.delivery.deliver(event("com.shop.paid", "e3", 3)).started()).isEmpty();
      awaitCompleted(s.db, "on-any", 2);
      assertThat(outputs(s.db, "on-any")).containsExactlyInAnyOrder(json("[1]"), json("[2]"));
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void allWaitsForEveryFilterAcrossARestartThenStartsOneInstanceWithTheEvents(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Server s = Server.open(place, "a")) {
      s.define(ALL);
      assertThat(s.delivery.deliver(event("com.shop.placed", "e1", 1)).started()).as("half of all").isEmpty();
      assertThat(s.delivery.deliver(event("com.shop.placed", "e2", 2)).started()).as("that filter is filled").isEmpty();
    }
    try (Server s = Server.open(place, "b")) { // the pending event is in the database, not in memory
      List<String> started = s.delivery.deliver(event("com.shop.paid", "e3", 3)).started();
      assertThat(started).hasSize(1);
      awaitCompleted(s.db, "on-all", 1);
      assertThat(outputs(s.db, "on-all")).containsExactly(json("[1, 3]"));
      assertThat(s.db.instances().find(started.get(0)).orElseThrow().status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(s.delivery.deliver(event("com.shop.paid", "e4", 4)).started()).as("a new round has only paid").isEmpty();
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void theSameEventPublishedTwiceStartsOneInstance(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (Server s = Server.open(place, "a")) {
      s.define(ONE, ALL);
      assertThat(s.delivery.deliver(event("com.shop.placed", "e1", 1)).started()).hasSize(1);
      assertThat(s.delivery.deliver(event("com.shop.placed", "e1", 1)).started()).as("a retried publish").isEmpty();
      assertThat(s.delivery.deliver(event("com.shop.paid", "e2", 2)).started()).as("completes all once").hasSize(1);
      assertThat(s.delivery.deliver(event("com.shop.paid", "e2", 2)).started()).isEmpty();
      JsonNode anonymous = json("{\"type\": \"com.shop.placed\", \"data\": {\"order\": 9}}");
      assertThat(s.delivery.deliver(anonymous).started()).as("no id: identified by content").hasSize(1);
      assertThat(s.delivery.deliver(anonymous).started()).isEmpty();
      awaitCompleted(s.db, "on-one", 2);
      awaitCompleted(s.db, "on-all", 1);
      assertThat(outputs(s.db, "on-all")).containsExactly(json("[1, 2]"));
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void twoServersPublishingTheSameEventsAtOnceStartEachOnce(TestDb kind) throws Exception {
    int orders = 30;
    TestDb.Place place = kind.place(dir);
    try (Server a = Server.open(place, "a"); Server b = Server.open(place, "b")) {
      a.define(ONE, ALL);
      List<JsonNode> events = new ArrayList<>();
      IntStream.range(0, orders).forEach(n -> {
        events.add(event("com.shop.placed", "placed-" + n, n));
        events.add(event("com.shop.paid", "paid-" + n, n));
      });
      List<JsonNode> reversed = new ArrayList<>(events);
      Collections.reverse(reversed);
      CompletableFuture<List<String>> onA = CompletableFuture.supplyAsync(() -> publishAll(a, events));
      CompletableFuture<List<String>> onB = CompletableFuture.supplyAsync(() -> publishAll(b, reversed));
      List<String> started = new ArrayList<>(onA.get(3, TimeUnit.MINUTES));
      started.addAll(onB.get(3, TimeUnit.MINUTES));
      awaitCompleted(a.db, "on-one", orders);
      assertThat(instances(a.db, "on-one")).hasSize(orders);
      assertThat(outputs(a.db, "on-one")).containsExactlyInAnyOrderElementsOf(
          IntStream.range(0, orders).mapToObj(n -> json("[" + n + "]")).toList());
      // all keeps one pending group per definition: how many groups fill depends on the interleaving,
      // but no event is in two instances and each instance has one placed and one paid event
      int allStarted = instances(a.db, "on-all").size();
      assertThat(allStarted).isPositive();
      awaitCompleted(a.db, "on-all", allStarted);
      assertThat(eventIds(a.db, "on-all")).doesNotHaveDuplicates().hasSize(2 * allStarted)
          .filteredOn(id -> id.startsWith("placed-")).hasSize(allStarted);
      assertThat(started).as("each start reported by exactly one server").doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(instances(a.db, "on-one").stream(),
              instances(a.db, "on-all").stream()).map(Instance::id).toList());
    } finally {
      place.dispose().run();
    }
  }

  private static List<String> publishAll(Server s, List<JsonNode> events) {
    List<String> started = new ArrayList<>();
    events.forEach(e -> started.addAll(s.delivery.deliver(e).started()));
    return started;
  }

  private static List<Instance> instances(Database db, String name) {
    return db.instances().list(InstanceFilter.all(10_000)).stream().filter(i -> i.definitionName().equals("test/" + name)).toList();
  }

  /** The {@code data.order} of the events each instance was started with. */
  private static List<JsonNode> outputs(Database db, String name) {
    return instances(db, name).stream().map(i -> Snapshots.result(i).output().path("orders")).toList();
  }

  private static List<String> eventIds(Database db, String name) {
    List<String> ids = new ArrayList<>();
    instances(db, name).forEach(i -> Snapshots.result(i).output().path("ids").forEach(id -> ids.add(id.asText())));
    return ids;
  }

  private static void awaitCompleted(Database db, String name, int n) throws InterruptedException {
    Await.until(() -> instances(db, name).stream().filter(i -> i.status() == InstanceStatus.COMPLETED).count() == n,
        () -> instances(db, name).stream().map(i -> i.id() + " " + i.status()).toList() + ", want " + n + " completed");
  }
}
