/**
 * The discrete-event engine. Events are job submissions and task finishes; at each distinct time
 * the engine handles the finishes, then the submissions, then asks the
 * {@link dev.weft.scheduler.api.Planner} for one plan and applies it (preemptions first, then
 * placements). Entry point: {@link dev.weft.sim.engine.Simulator}.
 */
package dev.weft.sim.engine;
