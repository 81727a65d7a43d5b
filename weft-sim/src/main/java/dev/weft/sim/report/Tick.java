package dev.weft.sim.report;

/** A marked value on an axis and its label. */
record Tick(double value, String label) {}
