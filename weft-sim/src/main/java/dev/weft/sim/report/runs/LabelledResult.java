package dev.weft.sim.report.runs;

import dev.weft.sim.metrics.SimResult;

/** A run's result and the name it goes by in a report, e.g. {@code "sjf + easy"}. */
public record LabelledResult(String label, SimResult result) {}
