/**
 * The queue tree a simulation uses when none is given: one leaf per queue path named by the
 * workload, every leaf ordered by the chosen policy, siblings sharing equally.
 */
package dev.weft.sim.queues;
