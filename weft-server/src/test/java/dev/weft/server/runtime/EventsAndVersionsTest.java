package dev.weft.server.runtime;

import static dev.weft.server.runtime.TestEnv.doc;
import static dev.weft.server.runtime.TestEnv.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.runtime.InstanceQueries.HistoryEntry;
import dev.weft.server.runtime.InstanceQueries.InstanceView;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signals, published and emitted events, versioned definitions and the queries, on H2 and PostgreSQL. */
class EventsAndVersionsTest {
  private static final String PAYMENT = doc("payment", "1.0.0", """
        - awaitPayment:
            listen:
              to:
                one:
                  with: { type: com.shop.paid }
                  correlate:
                    order: { from: '${ .data.order }', expect: '${ .order }' }
        - done:
            set: { paid: '${ .[0].amount }' }
      """);

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aPublishedEventReachesOnlyTheInstanceItCorrelatesWith(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      String one = env.runtime.start(PAYMENT, json("{\"order\": 1}"), "k1");
      String two = env.runtime.start(PAYMENT, json("{\"order\": 2}"), "k2");
      assertThat(env.runtime.drive(one).status()).as("waits for its event").isEqualTo(InstanceStatus.RUNNING);
      env.runtime.drive(two);

      assertThat(env.delivery.publish(json("{\"id\": \"e1\", \"source\": \"https://shop\", \"type\": \"com.shop.paid\","
          + " \"data\": {\"order\": 2, \"amount\": 30}}"))).containsExactly(two);
      assertThat(env.runtime.drive(two).output()).isEqualTo(json("{\"paid\": 30}"));
      assertThat(env.queries.state(one).status()).isEqualTo(InstanceStatus.RUNNING);
      assertThat(env.queries.history(two)).extracting(HistoryEntry::type).containsExactly("Started", "EventReceived");
      assertThat(env.queries.history(two).get(1).payload().at("/event/id").asText()).isEqualTo("e1");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aSignalGoesToOneInstanceAndSaysWhetherItWasTaken(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      String one = env.runtime.start(PAYMENT, json("{\"order\": 1}"), "k1");
      String other = "{\"id\": \"e1\", \"source\": \"https://shop\", \"type\": \"com.shop.refunded\", \"data\": {\"order\": 1}}";
      assertThat(env.delivery.signal(one, json(other))).isFalse();
      String paid = "{\"id\": \"e2\", \"source\": \"https://shop\", \"type\": \"com.shop.paid\", \"data\": {\"order\": 1, \"amount\": 5}}";
      assertThat(env.delivery.signal(one, json(paid))).isTrue();
      assertThat(env.delivery.signal(one, json(paid))).as("the same event again").isFalse();
      assertThat(env.runtime.drive(one).output()).isEqualTo(json("{\"paid\": 5}"));
      assertThat(env.queries.history(one)).extracting(HistoryEntry::type).containsExactly("Started", "EventReceived");
      assertThatThrownBy(() -> env.delivery.signal(one, json("{\"id\": \"x\"}")))
          .hasMessage("event/type: a CloudEvent needs a type (a non-empty string)");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aSuspendedInstanceKeepsTheEventItsListenTookAndGoesOnWhenResumed(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      String one = env.runtime.start(PAYMENT, json("{\"order\": 1}"), "k1");
      env.ops.suspend(one, "audit");
      assertThat(env.delivery.publish(json("{\"id\": \"e\", \"source\": \"https://shop\", \"type\": \"com.shop.paid\","
          + " \"data\": {\"order\": 1, \"amount\": 9}}"))).containsExactly(one);
      assertThat(env.queries.state(one).status()).isEqualTo(InstanceStatus.SUSPENDED);
      env.ops.resume(one);
      assertThat(env.runtime.drive(one).output()).isEqualTo(json("{\"paid\": 9}"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void anEventEmittedByOneInstanceIsDeliveredToAnotherThatListens(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      String waiter = env.runtime.start(PAYMENT, json("{\"order\": 7}"), "w");
      env.runtime.drive(waiter);
      RunResult teller = env.runtime.run(doc("teller", "1.0.0", """
            - pay:
                emit:
                  event:
                    with:
                      source: https://weft.test/teller
                      type: com.shop.paid
                      data: { order: 7, amount: 70 }
          """), json("{}"), "t");
      assertThat(teller.status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(env.runtime.drive(waiter).output()).isEqualTo(json("{\"paid\": 70}"));
      assertThat(env.queries.history(waiter).get(1).payload().at("/event/source").asText()).isEqualTo("https://weft.test/teller");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aRunningInstanceKeepsItsVersionWhenANewerOneIsStored(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      String body = """
            - hear:
                listen: { to: { one: { with: { type: go } } } }
            - out:
                set: { version: %s }
          """;
      InstanceOperations.StoredDefinition v1 = env.ops.register(doc("versioned", "1.0.0", body.formatted(1)));
      assertThat(v1).isEqualTo(new InstanceOperations.StoredDefinition("test/versioned", "1.0.0", 1));
      String old = env.ops.start("test/versioned", Optional.empty(), json("{}"), "a");

      assertThatThrownBy(() -> env.ops.register(doc("versioned", "1.0.0", body.formatted(99))))
          .isInstanceOf(DefinitionConflictException.class)
          .hasMessage("test/versioned version 1.0.0 is already stored with another document (store revision 1):"
              + " give the changed document a new document.version");
      assertThat(env.ops.register(doc("versioned", "1.0.0", body.formatted(1)))).as("the same text again").isEqualTo(v1);
      assertThat(env.ops.register(doc("versioned", "2.0.0", body.formatted(2))).revision()).isEqualTo(2);

      String latest = env.ops.start("test/versioned", Optional.empty(), json("{}"), "b");
      String pinned = env.ops.start("test/versioned", Optional.of("1.0.0"), json("{}"), "c");
      env.delivery.publish(json("{\"id\": \"g\", \"source\": \"https://t\", \"type\": \"go\"}"));
      assertThat(env.runtime.drive(old).output()).isEqualTo(json("{\"version\": 1}"));
      assertThat(env.runtime.drive(latest).output()).isEqualTo(json("{\"version\": 2}"));
      assertThat(env.runtime.drive(pinned).output()).isEqualTo(json("{\"version\": 1}"));
      assertThat(env.queries.state(old).version()).isEqualTo("1.0.0");
      assertThat(env.queries.state(latest).version()).isEqualTo("2.0.0");
      assertThatThrownBy(() -> env.ops.start("test/versioned", Optional.of("3.0.0"), json("{}"), "d"))
          .hasMessage("workflow test/versioned has no version 3.0.0 (stored: [1.0.0, 2.0.0])");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void stateHistoryAndListsShowWhatHappenedWithoutTheSecrets(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      env.ops.register(doc("secretive", "1.0.0", """
            - use:
                set: { hasToken: '${ $secrets.token != null }' }
          """).replace("do:\n", "use:\n  secrets: [ token ]\ndo:\n"));
      String id = env.ops.start("test/secretive", Optional.empty(), json("{\"x\": 1}"), "k");
      env.runtime.drive(id);
      String waiting = env.runtime.start(PAYMENT, json("{\"order\": 3}"), "p");

      InstanceView view = env.queries.state(id);
      assertThat(view.status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(view.output()).isEqualTo(json("{\"hasToken\": true}"));
      assertThat(view.input()).isEqualTo(json("{\"x\": 1}"));
      assertThat(view.idempotencyKey()).isEqualTo("k");
      assertThat(view.toString()).doesNotContain("s3cret-XYZ");
      var history = env.queries.history(id);
      assertThat(history).extracting(HistoryEntry::seq).containsExactly(1L);
      assertThat(history.get(0).type()).isEqualTo("Started");
      assertThat(history.get(0).time().toEpochMilli()).isEqualTo(env.clock.nowMillis());
      assertThat(history.toString()).doesNotContain("s3cret-XYZ");

      assertThat(env.queries.list(InstanceFilter.all(10))).extracting(InstanceView::id).containsExactly(id, waiting);
      assertThat(env.queries.list(InstanceFilter.all(10).withStatus(InstanceStatus.RUNNING)))
          .extracting(InstanceView::id).containsExactly(waiting);
      assertThat(env.queries.list(InstanceFilter.all(10).withDefinition("test/secretive")))
          .extracting(InstanceView::id).containsExactly(id);
    }
  }
}
