package dev.weft.sim.workload;

/**
 * A machine a WfFormat instance was executed on.
 *
 * @param cores its core count, 0 when the file does not say
 * @param memoryBytes 0 when the file does not say
 */
public record WfMachine(String name, double cores, double memoryBytes) {}
