package dev.weft.server.runtime;

import dev.weft.store.Database;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link EngineCrashTest}: opens the database and a {@link WorkflowEngine}.
 * {@code start} mode starts the instances (paced, so they do not move in lockstep), prints
 * {@code started N}, then runs until killed; {@code resume} mode starts nothing and exits once
 * every instance has ended. Both print {@code progress COMPLETED TERMINAL TX UNITS DECISIONS
 * CARRIED RETRIES} every 500 ms.
 */
public final class CrashTestChild {
  static final Duration COMMAND_LEASE = Duration.ofSeconds(3);
  private static final Duration PACE = Duration.ofMillis(5);

  private CrashTestChild() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    String url = args[0];
    String mode = args[1];
    String base = args[2];
    int count = Integer.parseInt(args[3]);
    Database db = Database.open(url);
    EngineSettings settings = EngineSettings.of("child-" + ProcessHandle.current().pid())
        .withCommandLease(COMMAND_LEASE).withHttpTimeout(Duration.ofMinutes(2));
    WorkflowEngine engine = WorkflowEngine.open(db, settings, RuntimeClock.system(), () -> UUID.randomUUID().toString());
    say("opened after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    if (mode.equals("start")) {
      startPaced(engine, OrdersWorkflow.document(base, "PT1S"), count);
      say("started " + count + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
    while (report(db, engine) < count || mode.equals("start")) {
      Thread.sleep(500);
    }
    engine.close();
    report(db, engine);
    db.close();
    say("finished after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  /**
   * One start every {@link #PACE}, each on a pool thread so that slow commits do not slow the
   * arrivals. The first start is made alone: it compiles the document (loading the validator).
   */
  private static void startPaced(WorkflowEngine engine, String doc, int count) throws InterruptedException {
    engine.start(doc, OrdersWorkflow.input(0), OrdersWorkflow.key(0));
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int n = 1; n < count; n++) {
      int order = n;
      clients.execute(() -> engine.start(doc, OrdersWorkflow.input(order), OrdersWorkflow.key(order)));
      Thread.sleep(PACE);
    }
    clients.shutdown();
    if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("starts did not finish");
    }
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
