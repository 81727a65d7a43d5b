/**
 * The worker protocol: external workers poll the queues of {@code worker} services for calls,
 * keep them with heartbeats and report each call's output or error.
 */
package dev.weft.server.api.workers;
