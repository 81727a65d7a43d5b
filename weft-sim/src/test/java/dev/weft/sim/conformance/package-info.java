/**
 * The real planner driven by the simulator against known answers: the pyss backfilling
 * scenarios (shared reference data, skipped when absent) and textbook scheduling examples.
 */
package dev.weft.sim.conformance;
