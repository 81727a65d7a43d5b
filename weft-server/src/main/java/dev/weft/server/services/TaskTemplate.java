package dev.weft.server.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.TaskSpec;
import dev.weft.model.codec.SpecCodec;
import dev.weft.model.codec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The task an agent runs for a {@code process} service call or a {@code run: shell} step, read
 * through the model's task codec so it is checked exactly like a job's task. Settings:
 * {@code resources} (default {@value #DEFAULT_CPU} cpu and {@value #DEFAULT_MEMORY} MiB, each
 * filled in when left out), {@code queue} (default {@code root.default}), {@code priority}
 * (default 50), {@code profile}, {@code constraints}, {@code timeout}. A process behaviour also
 * has {@code command} (run by {@code sh -c}) or {@code argv}, and {@code env}. Problems name
 * their place under the pointer the settings were found at.
 */
public final class TaskTemplate {
  public static final String DEFAULT_CPU = "0.1";
  public static final long DEFAULT_MEMORY = 64;
  static final List<String> PLACEMENT = List.of("resources", "queue", "priority", "profile", "constraints", "timeout");
  static final List<String> PROCESS = List.of("command", "argv", "env", "resources", "queue", "priority", "profile",
      "constraints", "timeout");
  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskTemplate() {}

  /** The problems of a process behaviour found at {@code at}; empty when it can be run. */
  public static List<ServiceProblem> check(JsonNode process, String at) {
    try {
      process("check", process, Map.of(), at);
      return List.of();
    } catch (InvalidServiceException e) {
      return e.problems();
    }
  }

  /**
   * The task of a process behaviour with {@code env} added to its own.
   *
   * @throws InvalidServiceException naming each problem under {@code at}
   */
  public static TaskSpec process(String taskId, JsonNode process, Map<String, String> env, String at) {
    List<ServiceProblem> problems = unknown(process, PROCESS, at);
    ObjectNode run = JSON.createObjectNode();
    for (String f : List.of("command", "argv", "timeout")) {
      if (process.has(f)) {
        run.set(f, process.get(f));
      }
    }
    ObjectNode allEnv = process.path("env").isObject() ? process.get("env").deepCopy() : JSON.createObjectNode();
    if (process.has("env") && !process.get("env").isObject()) {
      problems.add(new ServiceProblem(at + "/env", "expected an object of string values"));
    }
    env.forEach(allEnv::put);
    run.set("env", allEnv);
    return read(taskId, process, run, at, problems);
  }

  /**
   * The task of a {@code run: shell} step: {@code argv} and {@code env} from the step,
   * placement from its {@code metadata.weft} ({@code settings}, may be missing) found at {@code at}.
   *
   * @throws InvalidServiceException naming each problem under {@code at}
   */
  public static TaskSpec shell(String taskId, List<String> argv, Map<String, String> env, JsonNode settings, String at) {
    JsonNode s = settings == null || settings.isMissingNode() || settings.isNull() ? JSON.createObjectNode() : settings;
    List<ServiceProblem> problems = new ArrayList<>();
    if (!s.isObject()) {
      problems.add(new ServiceProblem(at, "expected an object like {resources: {cpu: 0.5, memory: 128}, queue: root.batch, priority: 60}"));
      throw new InvalidServiceException(problems);
    }
    problems.addAll(unknown(s, PLACEMENT, at));
    ObjectNode run = JSON.createObjectNode();
    run.set("argv", JSON.valueToTree(argv));
    run.set("env", JSON.valueToTree(env));
    if (s.has("timeout")) {
      run.set("timeout", s.get("timeout"));
    }
    return read(taskId, s, run, at, problems);
  }

  private static TaskSpec read(String taskId, JsonNode settings, ObjectNode run, String at, List<ServiceProblem> problems) {
    ObjectNode doc = JSON.createObjectNode().put("id", taskId);
    doc.set("resources", resources(settings.get("resources")));
    for (String f : List.of("queue", "priority", "profile", "constraints")) {
      if (settings.has(f)) {
        doc.set(f, settings.get(f));
      }
    }
    doc.set("run", run);
    try {
      TaskSpec spec = SpecCodec.readTask(doc.toString(), "task");
      if (problems.isEmpty()) {
        return spec;
      }
    } catch (SpecException e) {
      e.problems().forEach(p -> problems.add(new ServiceProblem(at + place(p.pointer()), p.message())));
    }
    throw new InvalidServiceException(problems);
  }

  /** The resources asked for, with the default cpu and memory filled in where left out. */
  private static JsonNode resources(JsonNode given) {
    if (given != null && !given.isObject()) {
      return given; // the codec names the problem
    }
    ObjectNode r = given == null ? JSON.createObjectNode() : given.deepCopy();
    if (!r.has("cpu")) {
      r.put("cpu", Double.parseDouble(DEFAULT_CPU));
    }
    if (!r.has("memory")) {
      r.put("memory", DEFAULT_MEMORY);
    }
    return r;
  }

  /** The codec's pointer into the built task, as a pointer into the settings ({@code /run/x} is {@code /x}). */
  private static String place(String pointer) {
    return pointer.startsWith("/run/") ? pointer.substring(4) : pointer.equals("/run") ? "" : pointer;
  }

  private static List<ServiceProblem> unknown(JsonNode settings, List<String> known, String at) {
    List<ServiceProblem> out = new ArrayList<>();
    if (!settings.isObject()) {
      out.add(new ServiceProblem(at, "expected an object"));
      return out;
    }
    settings.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        out.add(new ServiceProblem(at + "/" + f, "unknown field '" + f + "' (known: " + String.join(", ", known) + ")"));
      }
    });
    return out;
  }
}
