package dev.weft.bench.tasks;

/**
 * What one engine did with the batch: how many tasks it completed (each a persisted completion) in
 * how long, from the first submit to the moment the last completion was seen in the database, and
 * the CPU that took.
 *
 * @param settings how the engine was set up, for the report
 * @param failure null when every task completed, else why the figure is not a measurement
 * @param cpu the CPU the batch took (null: not measured)
 */
record Throughput(String engine, int tasks, int completed, double seconds, String settings, String failure,
                  CpuMeter.Used cpu) {
  Throughput(String engine, int tasks, int completed, double seconds, String settings, String failure) {
    this(engine, tasks, completed, seconds, settings, failure, null);
  }

  Throughput withCpu(CpuMeter.Used used) {
    return new Throughput(engine, tasks, completed, seconds, settings, failure, used);
  }

  boolean measured() {
    return failure == null;
  }

  double perSecond() {
    return completed / seconds;
  }
}
