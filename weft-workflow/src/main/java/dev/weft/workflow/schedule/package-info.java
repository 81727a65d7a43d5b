/**
 * The DSL's {@code schedule} (every, cron, after) as a pure calculator of start times; the
 * server's schedule runner decides when to ask it and starts the instances.
 */
package dev.weft.workflow.schedule;
