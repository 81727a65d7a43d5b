package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.QueueSpec;
import dev.weft.model.TaskSpec;
import dev.weft.server.scheduling.QueueTrees;
import dev.weft.server.services.Behaviour;
import dev.weft.server.services.InvalidServiceException;
import dev.weft.server.services.ServiceDefinition;
import dev.weft.server.services.TaskTemplate;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStore;
import dev.weft.workflow.decide.Command;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * In server mode, which commands become tasks for the scheduler and what those tasks are: a
 * {@code run: shell} or {@code run: script} step (placed by its {@code metadata.weft}: resources, queue, priority,
 * profile, constraints, timeout) and a call of a {@code process} service (placed by its
 * behaviour, the input checked against the contract first). A {@code call: mcp} over stdio would
 * start a process in the server: it faults (501) instead. Anything else is carried out in the
 * server. A task's id is derived from the command id, so carrying the command out again links
 * the same task.
 */
final class TaskCommands {
  /** What to submit: one task, the name its run times are learned under, the service version called (null for shell). */
  record Submission(TaskSpec spec, String jobName, String service) {}

  static final int MAX_NAME = 200;
  private final ServiceCalls calls;
  private final Definitions definitions;
  private final InstanceStore instances;
  private final QueueTrees queues;

  TaskCommands(ServiceCalls calls, Definitions definitions, InstanceStore instances, QueueTrees queues) {
    this.calls = calls;
    this.definitions = definitions;
    this.instances = instances;
    this.queues = queues;
  }

  /**
   * The task for the command of {@code instanceId} in outbox entry {@code entryId}, or empty when it is carried out in the server.
   *
   * @throws CommandFault when the input breaks the service's contract or the step's task settings are wrong
   */
  Optional<Submission> submission(String instanceId, String entryId, Command c) throws CommandFault {
    return submission(instanceId, entryId, c, null);
  }

  /** As above; {@code service} is the service a {@code CallService} calls when it is resolved already (else null). */
  Optional<Submission> submission(String instanceId, String entryId, Command c, ServiceDefinition service)
      throws CommandFault {
    Optional<Submission> s = switch (c) {
      case Command.RunShell r -> Optional.of(process(instanceId, entryId, r.step(), "shell:",
          new ShellRunner.Program(ShellRunner.argv(r), ShellRunner.env(r), ShellRunner.stdin(r))));
      case Command.RunScript r -> Optional.of(process(instanceId, entryId, r.step(), "script:", ScriptRunner.program(r)));
      case Command.CallService call -> service(instanceId, entryId, call, service == null ? calls.resolve(call) : service);
      case Command.CallMcp m when m.with().path("transport").has("stdio") -> throw new CommandFault("runtime", 501,
          "Not supported", "call: mcp over stdio starts the MCP server as a process, and a server runs processes"
          + " only as tasks on agents, which do not carry MCP calls yet: use transport.http (or weft run)", m.step());
      default -> Optional.empty();
    };
    if (s.isPresent()) {
      checkQueue(s.get().spec().queue(), c);
    }
    return s;
  }

  /** A task in a queue the tree does not have would wait forever: the step faults instead, naming the leaves. */
  private void checkQueue(String queue, Command c) throws CommandFault {
    List<String> leaves = new ArrayList<>();
    leaves(queues.current(), "", leaves);
    if (!leaves.contains(queue)) {
      throw new CommandFault("configuration", 400, "Unknown queue", "queue '" + queue
          + "' is not a leaf of the queue tree (leaves: " + String.join(", ", leaves) + "); apply a tree that has it",
          stepOf(c));
    }
  }

  private static void leaves(QueueSpec q, String parent, List<String> out) {
    String path = parent.isEmpty() ? q.name() : parent + "." + q.name();
    if (q.isLeaf()) {
      out.add(path);
    }
    q.children().forEach(child -> leaves(child, path, out));
  }

  private static String stepOf(Command c) {
    return switch (c) {
      case Command.RunShell r -> r.step();
      case Command.RunScript r -> r.step();
      case Command.CallService s -> s.step();
      default -> "";
    };
  }

  /** A {@code run: shell} or {@code run: script} step's program as a task, placed by the step's {@code metadata.weft}. */
  private Submission process(String instanceId, String entryId, String step, String kind, ShellRunner.Program program)
      throws CommandFault {
    Instance inst = instances.find(instanceId).orElseThrow(() -> new IllegalStateException("no instance " + instanceId));
    String at = step + "/metadata/weft";
    JsonNode settings = definitions.decider(inst.definitionName(), inst.definitionVersion()).plan().document().at(at);
    try {
      TaskSpec spec = TaskTemplate.shell(taskId(instanceId, entryId), program.argv(), program.env(), settings, at);
      spec = spec.toBuilder().run(spec.run().withStdin(program.stdin())).build();
      return new Submission(spec, clip(kind + inst.definitionName() + step), null);
    } catch (InvalidServiceException e) {
      throw new CommandFault("configuration", 400, "Bad task settings", e.getMessage(), step);
    }
  }

  private Optional<Submission> service(String instanceId, String entryId, Command.CallService c, ServiceDefinition s)
      throws CommandFault {
    if (!(s.behaviour() instanceof Behaviour.Process p)) {
      return Optional.empty();
    }
    return Optional.of(new Submission(ServiceCalls.task(taskId(instanceId, entryId), s, p, c), clip("service:" + s.name()),
        s.key()));
  }

  /**
   * {@code wf-<instance>-<16 hex of SHA-256(outbox entry id)>}: stable across crashes and servers,
   * short enough for a job id, and it shows whose task it is.
   */
  static String taskId(String instanceId, String commandId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(commandId.getBytes(StandardCharsets.UTF_8));
      String hash = HexFormat.of().formatHex(h);
      String id = "wf-" + instanceId + "-" + hash.substring(0, 16);
      return id.length() <= 100 ? id : "wf-" + hash.substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String clip(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }
}
