/**
 * Running task processes: each task runs under a small wrapper shell that is the leader of a new
 * session and process group ({@code setsid}), joins the task's cgroup, sets rlimits, runs the task
 * and writes its exit status to the state directory. The executor watches the wrapper, enforces the
 * timeout, kills, suspends and resumes the whole group, and turns what happened into a
 * {@link dev.weft.agent.exec.TaskOutcome}.
 */
package dev.weft.agent.exec;
