package dev.weft.cli.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.sim.metrics.SimResult;

/**
 * One configuration of {@code simulate compare} and what it measured, as the JSON object of its
 * {@code results} entry: {@code engine}, {@code policy}, {@code backfill}, {@code prediction} (Weft
 * only) and the figures ({@code jobs}, {@code avgWait}, {@code avgBoundedSlowdown},
 * {@code utilization}, ...).
 */
record CompareRow(RunConfig config, ObjectNode json, SimResult result) {
  /** A row of the protocol's engines, which keep per-sequence figures rather than one run. */
  CompareRow(RunConfig config, ObjectNode json) {
    this(config, json, null);
  }

  /** {@code engine policy/backfill[/prediction]}, e.g. {@code weft sjf/easy/recent-max}. */
  String name() {
    String p = json.path("prediction").asText("");
    return label("engine") + " " + label("policy") + "/" + label("backfill")
        + (p.isEmpty() || p.equals("null") ? "" : "/" + p);
  }

  double figure(String name) {
    return json.path(name).asDouble();
  }

  String label(String name) {
    return json.path(name).asText("-");
  }
}
