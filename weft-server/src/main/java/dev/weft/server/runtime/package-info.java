/**
 * The durable workflow runtime: journals each decision of the pure decider through weft-store
 * and carries the commands of its outbox out. {@link dev.weft.server.runtime.WorkflowEngine}
 * does so with many threads and beside other engines on one database (outbox leases, group
 * commit, optimistic versions); {@link dev.weft.server.runtime.WorkflowRuntime} one instance at
 * a time, driven by its caller.
 */
package dev.weft.server.runtime;
