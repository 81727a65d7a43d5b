package dev.weft.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.progress.ProgressBar;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Drives the demo over the REST API: applies the queue tree, submits phase one, waits until it
 * runs, submits phase two, and follows every task to its end with a progress bar on stderr.
 * Polls every quarter second; gives up (with the tasks' states) after generous limits.
 */
final class DemoRun {
  private static final Duration FILL_RUNNING = Duration.ofSeconds(90);
  private static final Duration ALL_ENDED = Duration.ofSeconds(240);
  private final ApiClient api;
  private final PrintWriter err;
  private final TaskWatch watch;
  private final SquaresWorkflow squares;
  private final List<ObjectNode> fill = DemoWorkload.fill();
  private final List<ObjectNode> contention = DemoWorkload.contention();
  private final int total;

  DemoRun(ApiClient api, PrintWriter err) {
    this.api = api;
    this.err = err;
    this.watch = new TaskWatch(api);
    this.squares = new SquaresWorkflow(api);
    this.total = Stream.concat(fill.stream(), contention.stream()).mapToInt(j -> j.path("tasks").size()).sum();
  }

  /** What the demo ran: every batch task's story and the workflow instance. */
  record Outcome(List<TaskStory> stories, WorkflowResult workflow) {}

  /**
   * Runs the workload to its end. The workflow starts once the wide task runs: its square calls
   * (root.prod, priority 60) then find room without changing the batch's preemptions and backfills.
   */
  Outcome run() throws InterruptedException {
    api.put("/api/v1/queues", "application/yaml", DemoWorkload.QUEUES);
    squares.register();
    try (ProgressBar bar = new ProgressBar(err, System::nanoTime, "demo")) {
      submit(fill);
      int filling = fill.getFirst().path("tasks").size();
      waitFor(bar, "the batch to fill the cluster", FILL_RUNNING,
          () -> watch.inState("fill", "PENDING") + watch.inState("fill", "PLACED") == 0 && watch.total() == filling);
      submit(contention);
      waitFor(bar, "the wide task to start", ALL_ENDED, () -> watch.started(DemoWorkload.WIDE));
      squares.start();
      waitFor(bar, "every task and the workflow to end", ALL_ENDED,
          () -> watch.total() == total && watch.allEnded() && squares.ended());
    }
    watch.poll();
    return new Outcome(watch.stories(), squares.result());
  }

  private void submit(List<ObjectNode> jobs) {
    for (ObjectNode j : jobs) {
      api.post("/api/v1/jobs", "application/json", j.toString());
      watch.follow(j.path("id").asText());
    }
  }

  private void waitFor(ProgressBar bar, String what, Duration max, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      watch.poll();
      squares.poll();
      bar.finished(watch.ended(), total, "workflow " + (squares.ended() ? "1" : "0") + "/1");
      if (done.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new DemoFailedException("waited " + max.toSeconds() + " s for " + what + "; the tasks: "
            + watch.describe() + (squares.started() ? "; the workflow: " + squares.status() : ""));
      }
      Thread.sleep(250);
    }
  }
}
