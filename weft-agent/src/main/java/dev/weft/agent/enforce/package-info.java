/**
 * How a task's cpu and memory requests are enforced on this host: detection of the best mechanism
 * ({@link dev.weft.agent.enforce.EnforcementProbe}), the report of which one is active
 * ({@link dev.weft.agent.enforce.Enforcement}), and the per-task fence it puts up
 * ({@link dev.weft.agent.enforce.Confinement}).
 */
package dev.weft.agent.enforce;
