package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Durability under kill -9: a child JVM writes decisions through group commit and reports each
 * commit; after it is killed mid-stream, everything it reported is still there, whole.
 */
abstract class KillDuringWritesContract extends StoreContract {
  private static final int WRITERS = 4;
  private static final int ACKS_BEFORE_KILL = 300;

  @Test
  void every_acknowledged_decision_survives_a_kill_minus_nine() throws Exception {
    String url = testUrl();
    db.close();
    Map<String, Long> acked = runChildAndKill(url);
    assertThat(acked).hasSize(WRITERS);
    reopen();
    for (Map.Entry<String, Long> e : acked.entrySet()) {
      Instance i = db.instances().find(e.getKey()).orElseThrow();
      assertThat(i.version()).as("version of %s", e.getKey()).isGreaterThanOrEqualTo(e.getValue());
      long decisions = i.version() - 1;
      assertThat(db.events().history(e.getKey())).as("history of %s", e.getKey()).hasSize((int) decisions);
      assertThat(i.snapshot().path("step").asLong()).isEqualTo(decisions);
    }
    long commands = acked.keySet().stream()
        .mapToLong(id -> db.instances().find(id).orElseThrow().version() - 1).sum();
    assertThat(db.outbox().pending(1_000_000)).hasSize((int) commands);
  }

  @Test
  void every_acknowledged_creation_survives_a_kill_minus_nine() throws Exception {
    String url = testUrl();
    db.close();
    Map<String, String> acked = new HashMap<>();
    runChildAndKill(url, AckingCreator.class, line -> acked.put(line[1], line[2]));
    reopen();
    for (Map.Entry<String, String> e : acked.entrySet()) {
      Instance i = db.instances().find(e.getKey()).orElseThrow(() -> new AssertionError(e.getKey() + " was lost"));
      assertThat(i.status().name()).as("status of %s", e.getKey()).isEqualTo(e.getValue());
      assertThat(i.version()).isEqualTo(2);
      assertThat(db.events().history(e.getKey())).as("history of %s", e.getKey()).hasSize(1);
    }
    long running = acked.values().stream().filter("RUNNING"::equals).count();
    assertThat(db.outbox().pending(1_000_000).stream().filter(p -> acked.containsKey(p.instanceId())).count())
        .isEqualTo(running);
  }

  private static Map<String, Long> runChildAndKill(String url) throws Exception {
    Map<String, Long> acked = new HashMap<>();
    runChildAndKill(url, AckingWriter.class, parts -> acked.merge(parts[1], Long.parseLong(parts[2]), Math::max));
    return acked;
  }

  /** Runs the child until it has printed {@link #ACKS_BEFORE_KILL} acks (each split in words to {@code ack}), then kills it. */
  private static void runChildAndKill(String url, Class<?> main, java.util.function.Consumer<String[]> ack)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        main.getName(), url, String.valueOf(WRITERS)).redirectErrorStream(true).start();
    int acks = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acks < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
        if (line.startsWith("ack ")) {
          ack.accept(line.split(" "));
          acks++;
        }
      }
    } finally {
      // SIGKILL on Linux; acks printed after the last line read are not checked, only more durable.
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(acks).as("acknowledged commits before the kill").isEqualTo(ACKS_BEFORE_KILL);
  }
}
