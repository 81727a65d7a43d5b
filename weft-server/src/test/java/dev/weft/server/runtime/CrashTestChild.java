package dev.weft.server.runtime;

import dev.weft.store.Database;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import java.time.Duration;
import java.util.UUID;

/**
 * The child JVM of {@link EngineCrashTest}: opens the database and a {@link WorkflowEngine}.
 * {@code start} mode starts the instances (paced, so they do not move in lockstep), prints
 * {@code started N}, then runs until killed; {@code resume} mode starts nothing and exits once
 * every instance has ended. Both print {@code progress COMPLETED TERMINAL TX UNITS DECISIONS
 * CARRIED RETRIES} every 100 ms.
 */
public final class CrashTestChild {
  static final Duration COMMAND_LEASE = Duration.ofSeconds(3);
  private static final Duration PACE = Duration.ofMillis(5);

  private CrashTestChild() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String mode = args[1];
    String base = args[2];
    int count = Integer.parseInt(args[3]);
    Database db = Database.open(url);
    EngineSettings settings = EngineSettings.of("child-" + ProcessHandle.current().pid())
        .withCommandLease(COMMAND_LEASE).withHttpTimeout(Duration.ofSeconds(20));
    WorkflowEngine engine = WorkflowEngine.open(db, settings, RuntimeClock.system(), () -> UUID.randomUUID().toString());
    if (mode.equals("start")) {
      String doc = OrdersWorkflow.document(base, "PT1S");
      for (int n = 0; n < count; n++) {
        engine.start(doc, OrdersWorkflow.input(n), OrdersWorkflow.key(n));
        Thread.sleep(PACE);
      }
      say("started " + count);
    }
    while (report(db, engine) < count || mode.equals("start")) {
      Thread.sleep(100);
    }
    engine.close();
    report(db, engine);
    db.close();
    say("finished");
  }

  /** Prints progress; returns how many instances have ended. */
  private static int report(Database db, WorkflowEngine engine) {
    int completed = db.instances().list(InstanceFilter.all(100_000).withStatus(InstanceStatus.COMPLETED)).size();
    int failed = db.instances().list(InstanceFilter.all(100_000).withStatus(InstanceStatus.FAILED)).size();
    EngineStats s = engine.stats();
    say("progress " + completed + " " + (completed + failed) + " " + s.transactions() + " " + s.units() + " "
        + s.decisions() + " " + s.commandsCarriedOut() + " " + s.retries());
    return completed + failed;
  }

  private static void say(String line) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }
}
