package dev.weft.cli.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One configuration of {@code simulate compare} and what it measured, as the JSON object of its
 * {@code results} entry: {@code engine}, {@code policy}, {@code backfill}, {@code prediction} (Weft
 * only) and the figures ({@code jobs}, {@code avgWait}, {@code avgBoundedSlowdown},
 * {@code utilization}, ...).
 */
record CompareRow(RunConfig config, ObjectNode json) {
  double figure(String name) {
    return json.path(name).asDouble();
  }

  String label(String name) {
    return json.path(name).asText("-");
  }
}
