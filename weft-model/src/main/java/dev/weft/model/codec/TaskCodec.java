package dev.weft.model.codec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Profile;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One task: {@code {id, job, resources, profile, priority, queue, user, submit, estimate,
 * deadline, constraints, tolerations, affinity, labels, gang: {name, size}, preemptible,
 * dependsOn, run: {command | argv | builtin, env, timeout}}}. Only {@code id} is required; times are
 * durations from 0. {@code run} is what an agent runs: {@code command} (run by {@code sh -c}),
 * {@code argv} (a program and its arguments) or {@code builtin} (an executor inside the agent, e.g.
 * {@code noop}), exactly one of them. Writing leaves out the fields that hold
 * their default.
 */
final class TaskCodec {
  static final List<String> FIELDS = List.of("id", "job", "resources", "profile", "priority", "queue", "user",
      "submit", "estimate", "deadline", "constraints", "tolerations", "affinity", "labels", "gang",
      "preemptible", "dependsOn", "run");
  private static final List<String> GANG_FIELDS = List.of("name", "size");
  private static final List<String> RUN_FIELDS = List.of("command", "argv", "builtin", "env", "timeout", "stdin");
  private static final Choice<Profile> PROFILE =
      Choice.of("profile", "cpu", Profile.CPU, "io", Profile.IO, "mixed", Profile.MIXED);
  private static final Pattern QUEUE_PATH = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

  private TaskCodec() {
  }

  /** The task, or null when it has problems (all of them reported). */
  static TaskSpec read(Located at) {
    if (!at.expectObject(FIELDS)) {
      return null;
    }
    String id = id(at.require("id"));
    TaskSpec.Builder b = TaskSpec.builder(id);
    b.job(at.field("job").text()).user(at.field("user").text()).profile(PROFILE.read(at.field("profile")));
    b.labels(at.field("labels").textMap()).dependsOn(at.field("dependsOn").textList());
    b.queue(queue(at.field("queue")));
    Long priority = at.field("priority").integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
    b.priority(priority == null ? TaskSpec.DEFAULT_PRIORITY : priority.intValue());
    b.preemptible(!Boolean.FALSE.equals(at.field("preemptible").bool()));
    Resources resources = ResourcesCodec.read(at.field("resources"));
    boolean gpusOk = ResourcesCodec.checkTaskGpus(at.field("resources"), resources);
    b.resources(gpusOk ? resources : Resources.ZERO);
    b.constraints(PlacementRulesCodec.constraints(at.field("constraints")))
        .tolerations(PlacementRulesCodec.tolerations(at.field("tolerations")))
        .affinity(PlacementRulesCodec.affinity(at.field("affinity")));
    times(at, b);
    gang(at.field("gang"), b);
    b.run(run(at.field("run")));
    return id == null || !gpusOk ? null : b.build();
  }

  static ObjectNode write(TaskSpec t) {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", t.id());
    if (!t.job().equals(t.id())) {
      out.put("job", t.job());
    }
    out.set("resources", ResourcesCodec.write(t.resources()));
    out.put("profile", PROFILE.wire(t.profile())).put("priority", t.priority());
    out.put("queue", t.queue()).put("user", t.user()).put("submit", DurationParser.format(t.submitMillis()));
    if (t.estimateMillis() != 0) {
      out.put("estimate", DurationParser.format(t.estimateMillis()));
    }
    if (t.deadlineMillis() != 0) {
      out.put("deadline", DurationParser.format(t.deadlineMillis()));
    }
    writeRules(t, out);
    if (t.gang() != null) {
      out.putObject("gang").put("name", t.gang()).put("size", t.gangSize());
    }
    out.put("preemptible", t.preemptible());
    if (!t.dependsOn().isEmpty()) {
      out.set("dependsOn", Trees.textList(t.dependsOn()));
    }
    if (t.run() != null) {
      out.set("run", writeRun(t.run()));
    }
    return out;
  }

  private static void writeRules(TaskSpec t, ObjectNode out) {
    if (!t.constraints().isEmpty()) {
      out.set("constraints", PlacementRulesCodec.writeConstraints(t.constraints()));
    }
    if (!t.tolerations().isEmpty()) {
      out.set("tolerations", PlacementRulesCodec.writeTolerations(t.tolerations()));
    }
    if (!t.affinity().isEmpty()) {
      out.set("affinity", PlacementRulesCodec.writeAffinity(t.affinity()));
    }
    if (!t.labels().isEmpty()) {
      out.set("labels", Trees.textMap(t.labels()));
    }
  }

  private static String id(Located at) {
    String id = at.text();
    if (id != null && id.isBlank()) {
      at.problem("a task id must not be blank");
      return null;
    }
    return id;
  }

  private static String queue(Located at) {
    String text = at.text();
    if (text != null && !QUEUE_PATH.matcher(text).matches()) {
      at.problem("expected a queue path like \"root.analytics.etl\" (names of a-z, 0-9, '_' and '-'"
          + " joined by '.'), got " + Shown.node(at.node()));
      return null;
    }
    return text;
  }

  /** submit, estimate, deadline; a deadline before the submit time can never be met. */
  private static void times(Located at, TaskSpec.Builder b) {
    Long submit = duration(at.field("submit"));
    Long estimate = duration(at.field("estimate"));
    Located deadlineAt = at.field("deadline");
    Long deadline = duration(deadlineAt);
    if (deadline != null && submit != null && deadline != 0 && deadline < submit) {
      deadlineAt.problem("deadline " + DurationParser.format(deadline) + " is before submit "
          + DurationParser.format(submit));
    }
    b.submitMillis(submit == null ? 0 : submit).estimateMillis(estimate == null ? 0 : estimate)
        .deadlineMillis(deadline == null ? 0 : deadline);
  }

  private static Long duration(Located at) {
    return at.scalar(DurationParser.EXPECTED, DurationParser::millis);
  }

  private static TaskRun run(Located at) {
    if (!at.isPresent() || !at.expectObject(RUN_FIELDS)) {
      return null;
    }
    Located command = at.field("command");
    Located argvAt = at.field("argv");
    Located builtinAt = at.field("builtin");
    int given = (command.isPresent() ? 1 : 0) + (argvAt.isPresent() ? 1 : 0) + (builtinAt.isPresent() ? 1 : 0);
    if (given != 1) {
      at.problem("give exactly one of 'command' (run by sh -c), 'argv' (a program and its arguments) or 'builtin'"
          + " (an executor inside the agent, e.g. noop)");
      return null;
    }
    Long timeout = duration(at.field("timeout"));
    Map<String, String> env = at.field("env").textMap();
    Located stdinAt = at.field("stdin");
    String stdin = stdinAt.isPresent() ? stdinAt.text() : null;
    if (builtinAt.isPresent() && stdinAt.isPresent()) {
      stdinAt.problem("stdin is read by a program ('command' or 'argv'), not by a builtin");
      return null;
    }
    if (builtinAt.isPresent()) {
      String name = builtinAt.text();
      if (name == null || !TaskRun.BUILTIN_NAME.matcher(name).matches()) {
        builtinAt.problem("a builtin's name is lower-case letters, digits and '-' (e.g. noop), got "
            + Shown.node(builtinAt.node()));
        return null;
      }
      return new TaskRun(name, List.of(), env, timeout == null ? 0 : timeout);
    }
    List<String> argv;
    if (command.isPresent()) {
      String text = command.text();
      if (text == null || text.isBlank()) {
        command.problem("a command must not be blank");
        return null;
      }
      argv = List.of("sh", "-c", text);
    } else {
      argv = argvAt.textList();
      if (argv.isEmpty()) {
        argvAt.problem("argv needs at least the program");
        return null;
      }
    }
    return new TaskRun(null, argv, env, timeout == null ? 0 : timeout, stdin);
  }

  private static ObjectNode writeRun(TaskRun r) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (r.isBuiltin()) {
      out.put("builtin", r.builtin());
    } else {
      out.set("argv", Trees.textList(r.argv()));
    }
    if (!r.env().isEmpty()) {
      out.set("env", Trees.textMap(r.env()));
    }
    if (r.timeoutMillis() != 0) {
      out.put("timeout", DurationParser.format(r.timeoutMillis()));
    }
    if (r.stdin() != null) {
      out.put("stdin", r.stdin());
    }
    return out;
  }

  private static void gang(Located at, TaskSpec.Builder b) {
    if (!at.isPresent() || !at.expectObject(GANG_FIELDS)) {
      return;
    }
    String name = at.require("name").text();
    Long size = at.require("size").integer(1, Integer.MAX_VALUE);
    if (name != null && size != null) {
      b.gang(name, size.intValue());
    }
  }
}
