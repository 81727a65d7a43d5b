package dev.weft.sim.workload;

/** The cores a WfFormat task used: 1 when the file does not say, else a positive number. */
final class WfCores {
  private WfCores() {}

  static double of(WfNode task, String field) {
    double cores = task.optionalNumber(field, 0).orElse(1);
    if (cores <= 0) {
      throw task.source().error(task.pointer() + "/" + field, "expected a positive number of cores, got 0");
    }
    return cores;
  }
}
