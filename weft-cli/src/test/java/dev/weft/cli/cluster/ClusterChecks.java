package dev.weft.cli.cluster;

import dev.weft.store.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What the cluster tests wait on and read: conditions polled with a limit, tasks described, agents' stdout files. */
final class ClusterChecks {
  /** How long a cluster test waits for any one condition (generous: the test machine is shared and noisy). */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private ClusterChecks() {
  }

  /** Polls {@code done} every 200 ms; after {@link #PATIENCE} fails naming {@code what}, with {@code state}. */
  static void waitFor(String what, BooleanSupplier done, Supplier<String> state) throws InterruptedException {
    waitFor(what, PATIENCE, done, state);
  }

  /** As above, with a patience of its own. */
  static void waitFor(String what, Duration patience, BooleanSupplier done, Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + patience.toSeconds() + " s: " + what + "\n" + state.get());
      }
      Thread.sleep(200);
    }
  }

  /** Adds {@code c} to {@code children} (closed by the test at the end, newest first) and returns it. */
  static ChildProcess start(List<ChildProcess> children, ChildProcess c) {
    children.add(c);
    return c;
  }

  /** {@code now}, and the first time it was seen true kept in {@code at}. */
  static boolean firstTime(AtomicLong at, boolean now) {
    if (now) {
      at.compareAndSet(0, System.nanoTime());
    }
    return now;
  }

  /** One line a task: id, state, attempt, node and message. */
  static String describe(List<TaskRecord> tasks) {
    return tasks.stream().map(t -> t.id() + " " + t.status() + " attempt " + t.attempt() + " on " + t.nodeId()
        + (t.message() == null ? "" : " (" + t.message() + ")")).collect(Collectors.joining("\n"));
  }

  /** Where the agent of {@code node} (data dir {@code dir/node}, see ChildProcess.agent) keeps a run's stdout (its TaskLogs file name). */
  static Path stdout(Path dir, String node, String runId) {
    return dir.resolve(node).resolve("logs").resolve(runId.replaceAll("[^A-Za-z0-9._-]", "_") + ".stdout");
  }
}
