package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A side effect the runtime must carry out. {@code id} is deterministic:
 * {@code instanceId + stepPointer + "@" + attempt}, where attempt counts the runs of that step
 * in the instance (loops and retries run a step again); carrying a command out twice is
 * harmless when the runtime uses the id as idempotency key.
 */
public sealed interface Command {
  /** The id the result must come back with, or "" for the final commands. */
  String id();

  /** {@code with} is the task's {@code with} with its expressions evaluated. */
  record CallHttp(String id, String step, JsonNode with) implements Command {}

  /**
   * {@code call: openapi}; {@code with} is evaluated and its {@code authentication} reference
   * resolved. The runtime fetches the document and builds the request from the operation.
   */
  record CallOpenApi(String id, String step, JsonNode with) implements Command {}

  /**
   * {@code call: mcp}: {@code with} evaluated (method, parameters, transport, client, timeout), an
   * http transport's {@code authentication: {use: NAME}} replaced by the document's policy. The
   * runtime opens the transport, initializes an MCP session, sends the method and returns its
   * JSON-RPC result.
   */
  record CallMcp(String id, String step, JsonNode with) implements Command {}

  /**
   * {@code call: a2a}; {@code with} is evaluated ({@code method}, {@code agentCard},
   * {@code server}, {@code parameters}) and the {@code authentication} references of
   * {@code agentCard.endpoint} and {@code server} resolved. The runtime fetches the agent card
   * (when there is one) and sends the JSON-RPC request.
   */
  record CallA2a(String id, String step, JsonNode with) implements Command {}

  /** A call of a named service (builtins such as {@code square}, or registered ones). */
  record CallService(String id, String step, String service, JsonNode with) implements Command {}

  /** {@code run: shell}: {@code shell} evaluated, with the step's {@code run.return} as {@code return} when it has one. */
  record RunShell(String id, String step, JsonNode shell) implements Command {}

  /**
   * {@code run: script}: {@code script} is the step's {@code run.script} with its
   * {@code arguments}, {@code environment} and {@code stdin} evaluated, its {@code code} as written, and
   * the step's {@code run.return} as {@code return} when it has one.
   */
  record RunScript(String id, String step, JsonNode script) implements Command {}

  record RunWorkflow(String id, String step, JsonNode workflow, JsonNode input) implements Command {}

  record StartTimer(String id, String step, long fireAtMillis) implements Command {}

  record Emit(String id, String step, JsonNode event) implements Command {}

  /** {@code to} as written: its {@code until} and filters are evaluated against events, by the runtime. */
  record Listen(String id, String step, JsonNode to) implements Command {}

  record Complete(JsonNode output) implements Command {
    @Override
    public String id() {
      return "";
    }
  }

  /** The instance faulted; {@code error} is an RFC 7807 object. */
  record Fail(JsonNode error) implements Command {
    @Override
    public String id() {
      return "";
    }
  }
}
