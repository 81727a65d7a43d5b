package dev.weft.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ordering policy of a leaf queue. {@code wfp3}, {@code unicep} and {@code f1} are the
 * heuristics the RLScheduler paper (Zhang et al., SC'20) compares against.
 */
public enum PolicyName {
  FCFS("fcfs"), SJF("sjf"), SRTF("srtf"), PRIORITY("priority"), EDF("edf"), FAIR("fair"),
  CRITICAL_PATH("critical-path"), DAG_LOOKAHEAD("dag-lookahead"), WFP3("wfp3"), UNICEP("unicep"), F1("f1");

  private final String wire;

  PolicyName(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** Parses the wire name; the message of the exception lists the accepted names. */
  public static PolicyName parse(String s) {
    String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    for (PolicyName p : values()) {
      if (p.wire.equals(k)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown policy '" + s + "' (expected one of "
        + Arrays.stream(values()).map(PolicyName::wire).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return wire;
  }
}
