/**
 * Services: named, versioned capabilities with an interface, a contract (input and output JSON
 * Schemas, timeout, retry, idempotency) and a behaviour ({@code builtin}, {@code process},
 * {@code http}). {@link dev.weft.server.services.ServiceReader} reads a {@code kind: service}
 * document, {@link dev.weft.server.services.ServiceRegistry} finds stored ones (and the builtins),
 * {@link dev.weft.server.services.TaskTemplate} turns a process behaviour or a {@code run: shell}
 * step into the task an agent runs.
 */
package dev.weft.server.services;
