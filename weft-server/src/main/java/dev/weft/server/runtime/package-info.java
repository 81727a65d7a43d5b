/**
 * The first durable workflow runtime: journals each decision of the pure decider through
 * weft-store and carries the commands of its outbox out in this process.
 */
package dev.weft.server.runtime;
