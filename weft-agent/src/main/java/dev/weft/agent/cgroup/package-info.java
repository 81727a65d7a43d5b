/**
 * Linux control groups: where the hierarchies are mounted, where this process sits in them, and one
 * task's group in either cgroup v2 (one unified tree) or cgroup v1 (one tree per controller).
 */
package dev.weft.agent.cgroup;
