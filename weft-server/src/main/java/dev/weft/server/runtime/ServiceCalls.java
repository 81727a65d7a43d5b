package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.TaskSpec;
import dev.weft.server.services.Behaviour;
import dev.weft.server.services.ContractCheck;
import dev.weft.server.services.InvalidServiceException;
import dev.weft.server.services.RetryPolicy;
import dev.weft.server.services.ServiceDefinition;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.server.services.TaskTemplate;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.plan.DataSchema;
import dev.weft.workflow.plan.FunctionRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Calls of named services: {@code call: NAME} the latest stored version of the service, else the
 * builtin of that name; {@code call: NAME:VERSION@default} that version. The input ({@code with}) is checked against the contract before anything
 * runs and the output after; either violation is a {@code validation} fault naming the JSON
 * pointer. {@link #call} carries a call out in this process, a {@code process} behaviour by
 * running its command here and a {@code workflow} behaviour by running its child instance to its
 * end ({@link ChildRunner}); a server hands process calls to agents instead ({@link TaskCommands})
 * and starts a workflow behaviour's child without waiting on a thread ({@link CarryOutCommand}).
 */
final class ServiceCalls {
  /** Runs the child instance of a {@code workflow} behaviour to its end in this process. */
  interface ChildRunner {
    /** The child's output. @throws CommandFault its error, or why it could not run */
    JsonNode run(Command.RunWorkflow child) throws CommandFault;
  }

  /** For runtimes that keep no instances (an in-memory run): a workflow behaviour is refused when called. */
  static final ChildRunner NO_CHILDREN = child -> {
    throw new CommandFault("runtime", 501, "Not supported", "a service with a workflow behaviour starts a child"
        + " instance, which this runtime does not keep (run it with 'weft run' or on a server)", child.step());
  };

  private final ServiceRegistry registry;
  private final ContractCheck contracts = new ContractCheck();
  private final HttpCaller http;
  private final RetryWait wait;
  private final ChildRunner children;

  ServiceCalls(ServiceRegistry registry, HttpCaller http) {
    this(registry, http, RetryWait.SLEEP, NO_CHILDREN);
  }

  /**
   * @param wait how a retry's delay is waited out in this process
   * @param children how a workflow behaviour's child is run here
   */
  ServiceCalls(ServiceRegistry registry, HttpCaller http, RetryWait wait, ChildRunner children) {
    this.registry = registry;
    this.http = http;
    this.wait = wait;
    this.children = children;
  }

  /**
   * The {@code run: workflow} command a call of a workflow behaviour amounts to: the same id (so the
   * child's id and key come from the call's), the behaviour's reference and the call's input.
   */
  static Command.RunWorkflow child(Behaviour.Workflow w, Command.CallService c) {
    return new Command.RunWorkflow(c.id(), c.step(), w.reference(), c.with());
  }

  JsonNode call(Command.CallService c) throws CommandFault {
    return call(resolve(c), c);
  }

  /** Carries out a call of {@code s}, the service {@link #resolve} found for it (its input checked). */
  JsonNode call(ServiceDefinition s, Command.CallService c) throws CommandFault {
    RetryPolicy retries = ServiceRetries.policy(s);
    for (int tried = 0; ; tried++) { // contract.retry: a failed call is made again, up to the retries it allows
      JsonNode output;
      try {
        output = invoke(s, c);
      } catch (CommandFault f) {
        if (tried < retries.attempts() && retries.retries(f.error(), f.exitCode())) {
          long delay = retries.delayBefore(tried + 1, c.id());
          if (delay > 0 && !wait.waited(delay)) {
            throw new CommandAbandonedException("stopped while waiting to retry " + c.id() + " (try " + (tried + 2)
                + " of service " + s.key() + ")");
          }
          continue;
        }
        throw f;
      }
      return checkedOutput(s, output, c.step()); // a broken output is the service's answer, not retried
    }
  }

  private JsonNode invoke(ServiceDefinition s, Command.CallService c) throws CommandFault {
    return switch (s.behaviour()) {
      case Behaviour.Builtin b -> Builtins.call(b.name(), c);
      case Behaviour.Process p -> runHere(s, c);
      case Behaviour.Http h -> http.call(new Command.CallHttp(c.id(), c.step(), httpArguments(h, c.with())));
      case Behaviour.Workflow w -> children.run(child(w, c));
      case Behaviour.Worker w -> throw new CommandFault("runtime", 501, "Not supported", "service " + s.key()
          + " is carried out by workers polling queue '" + w.queue() + "', which only a server hands calls to:"
          + " run this workflow on a server ('weft server', then 'weft instance start')", c.step());
    };
  }

  /** The service called, with the call's input checked against its contract. */
  ServiceDefinition resolve(Command.CallService c) throws CommandFault {
    ServiceDefinition s = find(c);
    List<DataSchema.Violation> bad = checked(() -> contracts.input(s, c.with()), s, c.step());
    if (!bad.isEmpty()) {
      throw new CommandFault("validation", 400, "Contract violation", "the input of service " + s.key()
          + " breaks its contract: " + ContractCheck.describe(bad), c.step());
    }
    return s;
  }

  /**
   * The service a call names: by name alone the latest version (else the builtin), as
   * {@code NAME:VERSION@default} that version of the registry (Weft's own catalog). A function of
   * another catalog is fetched and written into the definition when it is stored
   * ({@link CatalogFunctions}), so only a definition stored before Weft did so still calls one.
   */
  private ServiceDefinition find(Command.CallService c) throws CommandFault {
    FunctionRef ref;
    try {
      ref = FunctionRef.parse(c.service());
    } catch (IllegalArgumentException e) {
      throw new CommandFault("validation", 400, "Bad call", "call: " + e.getMessage(), c.step());
    }
    if (!ref.runtimeOwn()) {
      throw new CommandFault("runtime", 501, "Not supported", "call: " + c.service() + ": this definition was stored"
          + " before Weft wrote the functions of external catalogs (here '" + ref.catalog() + "') into a definition when"
          + " storing it; store the document again with a new document.version to fetch them", c.step());
    }
    if (ref.version() == null) {
      return registry.latest(ref.name()).orElseThrow(() -> new CommandFault("runtime", 501,
          "Not supported", "no service named '" + ref.name() + "' is registered (builtins: square)", c.step()));
    }
    Optional<ServiceDefinition> pinned = registry.version(ref.name(), ref.version());
    if (pinned.isEmpty()) {
      List<String> versions = registry.versions(ref.name());
      throw new CommandFault("runtime", 404, "Unknown service version", versions.isEmpty()
          ? "no service named '" + ref.name() + "' is registered (builtins: square)"
          : "service " + ref.name() + " has no version '" + ref.version() + "' (versions: " + String.join(", ", versions) + ")",
          c.step());
    }
    return pinned.get();
  }

  /** The service version {@link ServiceDefinition#key()} names, for a result that arrives later. */
  ServiceDefinition byKey(String key, String step) throws CommandFault {
    return registry.byKey(key).orElseThrow(() -> new CommandFault("runtime", 404, "Unknown service",
        "service " + key + " is no longer stored", step));
  }

  /** {@code output} if it keeps the contract. @throws CommandFault (validation) naming where it does not */
  JsonNode checkedOutput(ServiceDefinition s, JsonNode output, String step) throws CommandFault {
    List<DataSchema.Violation> bad = checked(() -> contracts.output(s, output), s, step);
    if (!bad.isEmpty()) {
      throw new CommandFault("validation", 400, "Contract violation", "the output of service " + s.key()
          + " breaks its contract: " + ContractCheck.describe(bad), step);
    }
    return output;
  }

  /** A contract schema the validator cannot use is the service's configuration fault, not a crash. */
  private static List<DataSchema.Violation> checked(java.util.function.Supplier<List<DataSchema.Violation>> check,
      ServiceDefinition s, String step) throws CommandFault {
    try {
      return check.get();
    } catch (IllegalStateException e) {
      throw new CommandFault("configuration", 400, "Bad contract", "service " + s.key() + ": " + e.getMessage(), step);
    }
  }

  /**
   * The task that carries out a process call: the behaviour's command with the input in its
   * environment ({@code WEFT_INPUT} as JSON, {@code WEFT_INPUT_<FIELD>} per top-level scalar field),
   * {@code WEFT_IDEMPOTENCY_KEY} = the command id, and the contract's timeout unless the
   * behaviour has its own.
   */
  static TaskSpec task(String taskId, ServiceDefinition s, Behaviour.Process p, Command.CallService c) throws CommandFault {
    try {
      TaskSpec spec = TaskTemplate.process(taskId, p.spec(), inputEnv(c), "/behaviour/process");
      if (spec.run().timeoutMillis() == 0 && s.contract().timeoutMillis() > 0) {
        spec = spec.toBuilder().run(new dev.weft.model.TaskRun(spec.run().argv(), spec.run().env(),
            s.contract().timeoutMillis())).build();
      }
      return spec;
    } catch (InvalidServiceException e) {
      throw new CommandFault("configuration", 400, "Bad service", "service " + s.key() + ": " + e.getMessage(), c.step());
    }
  }

  private JsonNode runHere(ServiceDefinition s, Command.CallService c) throws CommandFault {
    TaskSpec spec = task("local", s, (Behaviour.Process) s.behaviour(), c);
    LocalProcess.Ended e = LocalProcess.run(spec.run().argv(), spec.run().env(), spec.run().timeoutMillis(), c.step());
    if (e.exitCode() != 0) {
      throw new CommandFault(TaskResults.failed("Service " + s.key(), e.exitCode(), null, e.stderr(), c.step()),
          e.exitCode());
    }
    return TaskResults.serviceOutput(e.stdout());
  }

  private static Map<String, String> inputEnv(Command.CallService c) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode with = c.with() == null ? JsonNodeFactory.instance.nullNode() : c.with();
    env.put("WEFT_INPUT", with.toString());
    with.properties().forEach(f -> {
      if (f.getValue().isValueNode() && !f.getValue().isNull()) {
        env.put("WEFT_INPUT_" + f.getKey().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_"), f.getValue().asText());
      }
    });
    env.put("WEFT_IDEMPOTENCY_KEY", c.id());
    return env;
  }

  private static JsonNode httpArguments(Behaviour.Http h, JsonNode input) {
    ObjectNode with = JsonNodeFactory.instance.objectNode().put("method", h.method()).put("endpoint", h.endpoint());
    if (!h.method().equals("GET") && !h.method().equals("DELETE") && input != null) {
      with.set("body", input);
    }
    return with;
  }
}
