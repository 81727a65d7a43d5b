/**
 * Persistence ports of the workflow runtime: definitions, instances, the journal with its
 * outbox, timers, the unit of work and group commit. Ports speak in records and Jackson
 * {@code JsonNode} payloads; they know nothing of the DSL or the decider.
 * {@link dev.weft.store.Database} opens the JDBC adapters for a URL.
 */
package dev.weft.store;
