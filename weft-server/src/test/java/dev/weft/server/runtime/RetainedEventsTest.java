package dev.weft.server.runtime;

import static dev.weft.server.runtime.TestEnv.doc;
import static dev.weft.server.runtime.TestEnv.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.runtime.InstanceQueries.HistoryEntry;
import dev.weft.server.secrets.SecretSource;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Events published before anyone listens: kept for the retention time and taken by the first listen that consumes them. */
class RetainedEventsTest {
  private static final Duration RETENTION = Duration.ofMinutes(5);
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

  private static JsonNode paid(int order, int amount, String id) {
    return json("{\"id\": \"" + id + "\", \"source\": \"https://shop\", \"type\": \"com.shop.paid\","
        + " \"data\": {\"order\": " + order + ", \"amount\": " + amount + "}}");
  }

  private static EventDelivery retaining(TestEnv env) {
    return new EventDelivery(env.db, env.clock, SecretSource.none(), RETENTION);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void anEventPublishedBeforeTheListenOpensIsDeliveredToItOnce(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      assertThat(retaining(env).publish(paid(1, 30, "e1"))).as("nobody listens yet").isEmpty();
      env.clock.now.addAndGet(RETENTION.toMillis() - 1);
      String one = env.runtime.start(PAYMENT, json("{\"order\": 1}"), "k1");
      assertThat(env.runtime.drive(one).output()).isEqualTo(json("{\"paid\": 30}"));
      assertThat(env.queries.history(one)).extracting(HistoryEntry::type).containsExactly("Started", "EventReceived");
      String two = env.runtime.start(PAYMENT, json("{\"order\": 1}"), "k2");
      assertThat(env.runtime.drive(two).status()).as("the first listen took it").isEqualTo(InstanceStatus.RUNNING);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aRetainedEventWaitsForAListenThatTakesIt(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      retaining(env).publish(paid(2, 40, "e2"));
      String one = env.runtime.start(PAYMENT, json("{\"order\": 1}"), "k1");
      assertThat(env.runtime.drive(one).status()).as("another order's payment").isEqualTo(InstanceStatus.RUNNING);
      String two = env.runtime.start(PAYMENT, json("{\"order\": 2}"), "k2");
      assertThat(env.runtime.drive(two).output()).isEqualTo(json("{\"paid\": 40}"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void anEventIsNotKeptPastItsRetentionNorWithoutOne(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      retaining(env).publish(paid(1, 30, "e1"));
      env.delivery.publish(paid(2, 50, "e2")); // no retention
      env.clock.now.addAndGet(RETENTION.toMillis());
      String one = env.runtime.start(PAYMENT, json("{\"order\": 1}"), "k1");
      String two = env.runtime.start(PAYMENT, json("{\"order\": 2}"), "k2");
      assertThat(env.runtime.drive(one).status()).as("expired").isEqualTo(InstanceStatus.RUNNING);
      assertThat(env.runtime.drive(two).status()).as("never kept").isEqualTo(InstanceStatus.RUNNING);
      assertThat(env.queries.history(one)).extracting(HistoryEntry::type).containsExactly("Started");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void anEventSomeoneTookIsNotKept(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      String one = env.runtime.start(PAYMENT, json("{\"order\": 1}"), "k1");
      env.runtime.drive(one);
      assertThat(retaining(env).publish(paid(1, 30, "e1"))).containsExactly(one);
      String two = env.runtime.start(PAYMENT, json("{\"order\": 1}"), "k2");
      assertThat(env.runtime.drive(two).status()).isEqualTo(InstanceStatus.RUNNING);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aNegativeRetentionIsRefused(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      assertThatThrownBy(() -> new EventDelivery(env.db, env.clock, SecretSource.none(), Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
  }
}
