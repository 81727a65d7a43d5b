/**
 * The agent: what runs work on one machine. {@code host} measures the machine, {@code cgroup} and
 * {@code enforce} fence a task's cpu and memory, {@code exec} starts, watches, suspends and stops
 * task processes, {@code logs} keeps their output, {@code state} remembers them across agent
 * restarts, {@code protocol} talks to the server.
 */
package dev.weft.agent;
