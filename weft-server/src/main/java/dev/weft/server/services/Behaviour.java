package dev.weft.server.services;

import com.fasterxml.jackson.databind.JsonNode;

/** How a service is carried out. */
public sealed interface Behaviour {
  /** In the server's process, by name (e.g. {@code square}). */
  record Builtin(String name) implements Behaviour {}

  /**
   * A command run as a task on a node (an agent in server mode, this process in {@code weft run}):
   * {@code spec} is the behaviour as written ({@code command|argv, env, timeout, resources, queue,
   * priority, profile, constraints}), already checked by {@link TaskTemplate}.
   */
  record Process(JsonNode spec) implements Behaviour {}

  /** An HTTP endpoint; the call's input is the JSON body (GET and DELETE send none). */
  record Http(String endpoint, String method) implements Behaviour {}

  /**
   * A composite service: a call starts a child instance of the stored workflow definition
   * {@code namespace/name} at {@code version} with the call's input; the child's output is the
   * call's output (checked against the contract), its error the call's error.
   */
  record Workflow(String namespace, String name, String version) implements Behaviour {
    /** The reference as a {@code run: workflow} step writes it: {@code {namespace, name, version}}. */
    public JsonNode reference() {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("namespace", namespace)
          .put("name", name).put("version", version);
    }
  }

  /**
   * Carried out by external workers: a call waits on {@code queue} until a worker polling that
   * queue leases it; the worker holds it for {@code leaseMillis}, extended by each heartbeat, and
   * reports its output or error. A lease that runs out offers the call again (the attempt counted)
   * when the contract's {@code retry} allows, else the call fails with a timeout. With
   * {@code timeoutMillis} (0: none) the whole call, leases and retries included, fails with a timeout
   * when it has not completed that long after it was made.
   */
  record Worker(String queue, long leaseMillis, long timeoutMillis) implements Behaviour {
    /** How long a worker holds a call without a heartbeat when the service does not say. */
    public static final long DEFAULT_LEASE_MILLIS = 30_000;
  }
}
