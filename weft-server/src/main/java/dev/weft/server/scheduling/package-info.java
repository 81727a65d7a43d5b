/**
 * The scheduler loop of a server: holds the scheduler lease, reads a snapshot of the cluster from
 * the store, asks the pure core for a plan and applies it in one transaction with optimistic
 * checks; marks silent nodes down; learns run-time estimates from history.
 */
package dev.weft.server.scheduling;
