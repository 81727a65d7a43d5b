package dev.weft.cli.conformance;

/** One scenario's outcome: its feature file, its name, and why it failed ("" when it passed). */
public record ScenarioResult(String feature, String scenario, boolean passed, String reason) {
  /** {@code PASS|FAIL feature: scenario}, with the reason after " -- " on a failure. */
  public String line() {
    return (passed ? "PASS " : "FAIL ") + feature + ": " + scenario + (passed ? "" : " -- " + reason);
  }
}
