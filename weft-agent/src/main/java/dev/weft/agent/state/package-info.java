/**
 * What the agent remembers on disk about the tasks it started (pid, start time, cgroup, exit
 * status), so that an agent that comes back after a crash can find the tasks it left behind and
 * kill them, or report them for re-adoption.
 */
package dev.weft.agent.state;
