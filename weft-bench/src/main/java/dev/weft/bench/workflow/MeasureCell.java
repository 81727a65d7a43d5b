package dev.weft.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Measures one cell: {@code threads} threads each start instances one after another until a
 * deadline. Warm-up first, with every output checked; then each timed iteration counts the
 * instances that completed and divides by the wall time from the start until the last thread
 * has returned (so an instance still running at the deadline is waited for and counted).
 */
final class MeasureCell {
  private final Schedule schedule;
  private final LongSupplier nanoTime;

  MeasureCell(Schedule schedule, LongSupplier nanoTime) {
    this.schedule = schedule;
    this.nanoTime = nanoTime;
  }

  /**
   * Runs the workflow on one thread for the engine warm-up time, every output checked, and returns
   * how many ran; the first run of an engine loads and compiles much that later cells reuse.
   *
   * @throws IllegalStateException on a wrong output or an instance that did not complete
   */
  long warmUp(BenchWorkflow workflow, String engine, Engine.Runner runner) {
    long deadline = nanoTime.getAsLong() + schedule.engineWarmup().toNanos();
    long n = 0;
    while (nanoTime.getAsLong() < deadline) {
      Map<String, Object> input = workflow.input(n++);
      workflow.check(engine, input, runner.run(input, true));
    }
    return n;
  }

  CellResult measure(BenchWorkflow workflow, String engine, int threads, Engine.Runner runner) {
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long checked = round(pool, threads, schedule.warmup().toNanos(), () -> {
        Map<String, Object> input = workflow.input(next.getAndIncrement());
        JsonNode out = runner.run(input, true);
        workflow.check(engine, input, out);
      });
      runner.settle();
      List<Double> rates = new ArrayList<>();
      long total = 0;
      for (int i = 0; i < schedule.iterations(); i++) {
        long t0 = nanoTime.getAsLong();
        long done = round(pool, threads, schedule.iteration().toNanos(),
            () -> runner.run(workflow.input(next.getAndIncrement()), false));
        runner.settle();
        rates.add(done / ((nanoTime.getAsLong() - t0) / 1e9));
        total += done;
      }
      return new CellResult(workflow, engine, threads, rates, total, checked, null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return CellResult.failed(workflow, engine, threads, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CellResult.failed(workflow, engine, threads, "interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every thread runs {@code one} until the deadline; returns how many runs completed in all. */
  private long round(ExecutorService pool, int threads, long nanos, Runnable one)
      throws InterruptedException, ExecutionException {
    long deadline = nanoTime.getAsLong() + nanos;
    List<Future<Long>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        long n = 0;
        while (nanoTime.getAsLong() < deadline) {
          one.run();
          n++;
        }
        return n;
      }));
    }
    long sum = 0;
    for (Future<Long> f : futures) {
      sum += f.get();
    }
    return sum;
  }
}
