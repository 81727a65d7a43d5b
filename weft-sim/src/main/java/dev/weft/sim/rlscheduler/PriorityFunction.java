package dev.weft.sim.rlscheduler;

import java.util.Comparator;

/**
 * The paper's five priority functions; the job with the lowest key runs first. {@code r} is the
 * requested time, {@code n} the processors, {@code s} the submit time (seconds of the trace).
 *
 * <p>WFP3 and UNICEP are written with a waiting time, but the paper's code computes it as
 * {@code scheduled_time - submit_time} while {@code scheduled_time} is still -1 for every waiting
 * job, so in effect {@code wait = -1 - s}: a fixed key that favours early submits and long
 * requests. The published numbers come from that code, and only that reading reproduces them (with
 * {@code now - s} they differ by orders of magnitude); Weft's own {@code wfp3} and {@code unicep}
 * leaf policies use the real wait.
 */
public enum PriorityFunction {
  /** {@code s}. */
  FCFS("fcfs"),
  /** {@code (r, s)}. */
  SJF("sjf"),
  /** {@code -(wait / r)^3 * n}. */
  WFP3("wfp3"),
  /** {@code -(wait + 1e-15) / (log2(n + 1e-15) * r)}. */
  UNICEP("unicep"),
  /** {@code log10(r) * n + 870 * log10(s)} (0.1 stands in for a non-positive r or s). */
  F1("f1");

  private final String wire;

  PriorityFunction(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The function named {@code name} (lower case), or null. */
  public static PriorityFunction byName(String name) {
    for (PriorityFunction p : values()) {
      if (p.wire.equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** The order of the waiting jobs, lowest key first; ties compare equal (the caller's sort is stable). */
  Comparator<ProtocolJob> order() {
    if (this == SJF) {
      return (a, b) -> {
        int c = compare(a.requestedTime(), b.requestedTime());
        return c != 0 ? c : compare(a.submit(), b.submit());
      };
    }
    return (a, b) -> compare(key(a), key(b));
  }

  double key(ProtocolJob j) {
    double wait = -1 - j.submit();
    double r = j.requestedTime();
    double n = j.processors();
    return switch (this) {
      case FCFS -> j.submit();
      case SJF -> r;
      case WFP3 -> -Math.pow(wait / r, 3) * n;
      case UNICEP -> -(wait + 1e-15) / (Math.log(n + 1e-15) / Math.log(2) * r);
      case F1 -> Math.log10(r > 0 ? r : 0.1) * n + 870 * Math.log10(j.submit() > 0 ? j.submit() : 0.1);
    };
  }

  /** Python's comparison of numbers, which the paper's sort uses: -0.0 equals 0.0. */
  private static int compare(double a, double b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
}
