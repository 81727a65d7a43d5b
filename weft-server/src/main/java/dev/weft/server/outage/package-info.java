/**
 * Riding out a database that is down or restarting: {@link dev.weft.server.outage.FailureStreak}
 * gives every background loop (engine claim and timer loops, commits, scheduler rounds, the
 * schedule runner) and the API one log line when failures start and one when they end, and the
 * backoff to wait between tries.
 */
package dev.weft.server.outage;
