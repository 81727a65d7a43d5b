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
}
