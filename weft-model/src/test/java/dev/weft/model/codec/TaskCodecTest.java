package dev.weft.model.codec;

import static dev.weft.model.codec.SpecAssertions.problem;
import static dev.weft.model.codec.SpecAssertions.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.AffinityRule;
import dev.weft.model.LabelConstraint;
import dev.weft.model.LabelConstraint.Operator;
import dev.weft.model.Profile;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.Toleration;
import dev.weft.model.TopologyLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TaskCodecTest {
  static final TaskSpec FULL = TaskSpec.builder("train-3")
      .job("train").resources(new Resources(1500, 8192, 0, 1, Map.of("example.com/licence", 1L)))
      .profile(Profile.CPU).priority(-5).queue("root.ml.train").user("ada")
      .submitMillis(300_000).estimateMillis(5_400_250).deadlineMillis(86_400_000)
      .constraints(List.of(new LabelConstraint("disk", Operator.IN, List.of("ssd", "nvme")),
          new LabelConstraint("spot", Operator.NOT_EXISTS, List.of()),
          new LabelConstraint("zone", Operator.NOT_IN, List.of("z3")),
          new LabelConstraint("gpu", Operator.EXISTS, List.of())))
      .tolerations(List.of(new Toleration("dedicated", "ml"), new Toleration("spot", null)))
      .affinity(List.of(new AffinityRule(AffinityRule.Kind.ANTI_AFFINITY, Map.of("job", "train"), TopologyLevel.RACK, true),
          new AffinityRule(AffinityRule.Kind.AFFINITY, Map.of("app", "db"), TopologyLevel.ZONE, false)))
      .labels(Map.of("job", "train", "attempt", "2")).gang("train", 4).preemptible(false)
      .dependsOn(List.of("prepare", "fetch"))
      .run(new TaskRun(null, List.of("python3", "train.py", "--epochs", "3"), Map.of("SEED", "7"), 3_600_000,
          "{\"rows\": [1, 2]}\nsecond line\n")).build();

  @ParameterizedTest
  @EnumSource(Format.class)
  void a_task_with_every_field_survives_a_round_trip(Format format) {
    assertThat(SpecCodec.readTask(SpecCodec.writeTask(FULL, format), "t")).isEqualTo(FULL);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void a_task_with_defaults_survives_a_round_trip(Format format) {
    TaskSpec minimal = TaskSpec.builder("t1").build();
    assertThat(SpecCodec.readTask(SpecCodec.writeTask(minimal, format), "t")).isEqualTo(minimal);
  }

  @Test
  void a_task_needs_only_an_id_and_gets_the_concept_defaults() {
    TaskSpec task = SpecCodec.readTask("id: t1", "task.yaml");
    assertThat(task).isEqualTo(TaskSpec.builder("t1").build());
    assertThat(task.job()).isEqualTo("t1");
    assertThat(task.priority()).isEqualTo(50);
    assertThat(task.queue()).isEqualTo("root.default");
    assertThat(task.profile()).isEqualTo(Profile.MIXED);
    assertThat(task.preemptible()).isTrue();
  }

  @Test
  void times_are_durations_from_zero() {
    TaskSpec task = SpecCodec.readTask("{id: t, submit: 90, estimate: PT5M, deadline: 1h30m}", "task.yaml");
    assertThat(task.submitMillis()).isEqualTo(90_000);
    assertThat(task.estimateMillis()).isEqualTo(300_000);
    assertThat(task.deadlineMillis()).isEqualTo(5_400_000);
  }

  @Test
  void every_problem_of_a_task_is_reported() {
    String yaml = """
        id: t1
        prio: 10
        priority: high
        profile: gpu
        queue: root/etl
        submit: 10m
        deadline: 5m
        estimate: soon
        preemptible: "no"
        gang: {name: g, size: 0}
        resources: {cpu: 500m, memory: 1Gi, disk: lots}
        """;
    assertThat(problemsOf(() -> SpecCodec.readTask(yaml, "task.yaml"))).containsExactly(
        problem("/prio", 2, "unknown field 'prio' (expected one of id, job, resources, profile, priority, queue, user,"
            + " submit, estimate, deadline, constraints, tolerations, affinity, labels, gang, preemptible, dependsOn, run)"),
        problem("/priority", 3, "expected a whole number, got \"high\""),
        problem("/profile", 4, "unknown profile 'gpu' (did you mean 'cpu'? expected one of cpu, io, mixed)"),
        problem("/queue", 5, "expected a queue path like \"root.analytics.etl\" (names of a-z, 0-9, '_' and '-'"
            + " joined by '.'), got \"root/etl\""),
        problem("/deadline", 7, "deadline 5m is before submit 10m"),
        problem("/estimate", 8, "expected a duration like 30s, 5m, 2h, 1d, 250ms or PT5M, got \"soon\""),
        problem("/preemptible", 9, "expected true or false, got \"no\""),
        problem("/gang/size", 10, "must be between 1 and 2147483647, got 0"),
        problem("/resources/disk", 11, "expected a quantity like 4Gi or 512Mi, got \"lots\""));
  }

  @Test
  void placement_rules_are_checked_where_they_are_written() {
    String yaml = """
        id: t1
        constraints:
          - {key: disk, operator: In}
          - {key: spot, operator: Exists, values: [yes]}
          - {key: zone, operator: Equals, values: [a]}
          - {operator: NotIn, values: [a]}
        tolerations:
          - {value: x}
        affinity:
          - {matchLabels: {app: db}}
          - {kind: antiaffinity, level: shelf, required: maybe}
        """;
    assertThat(problemsOf(() -> SpecCodec.readTask(yaml, "task.yaml"))).containsExactly(
        problem("/constraints/0", 3, "operator In needs at least one value in 'values'"),
        problem("/constraints/1/values", 4, "operator Exists takes no values"),
        problem("/constraints/2/operator", 5,
            "unknown operator 'Equals' (expected one of In, NotIn, Exists, DoesNotExist)"),
        problem("/constraints/3", 6, "missing required field 'key'"),
        problem("/tolerations/0", 8, "missing required field 'key'"),
        problem("/affinity/0", 10, "missing required field 'kind'"),
        problem("/affinity/1/level", 11, "unknown topology level 'shelf' (expected one of region, zone, rack, node)"),
        problem("/affinity/1/required", 11, "expected true or false, got \"maybe\""));
  }

  @Test
  void a_task_id_must_not_be_blank() {
    assertThat(problemsOf(() -> SpecCodec.readTask("{\"id\": \" \"}", "t.json"))).containsExactly(
        problem("/id", 1, "a task id must not be blank"));
  }

  @Test
  void enumerations_are_read_ignoring_case() {
    TaskSpec task = SpecCodec.readTask("{id: t, profile: IO, affinity: [{kind: AntiAffinity, level: Zone}]}", "t.yaml");
    assertThat(task.profile()).isEqualTo(Profile.IO);
    assertThat(task.affinity()).containsExactly(
        new AffinityRule(AffinityRule.Kind.ANTI_AFFINITY, Map.of(), TopologyLevel.ZONE, false));
  }

  @Test
  void a_run_command_is_run_by_the_shell() {
    TaskSpec task = SpecCodec.readTask("id: t1\nrun:\n  command: echo $I; sleep 0.2\n  env: {I: 3}\n  timeout: 30s\n",
        "task.yaml");
    assertThat(task.run()).isEqualTo(new TaskRun(List.of("sh", "-c", "echo $I; sleep 0.2"), Map.of("I", "3"), 30_000));
  }

  @Test
  void a_run_needs_exactly_one_of_command_argv_and_builtin() {
    String oneOf = "give exactly one of 'command' (run by sh -c), 'argv' (a program and its arguments) or 'builtin'"
        + " (an executor inside the agent, e.g. noop)";
    assertThat(problemsOf(() -> SpecCodec.readTask("id: t1\nrun:\n  command: a\n  argv: [b]\n", "task.yaml")))
        .containsExactly(problem("/run", 2, oneOf));
    assertThat(problemsOf(() -> SpecCodec.readTask("id: t1\nrun:\n  builtin: noop\n  argv: [b]\n", "task.yaml")))
        .containsExactly(problem("/run", 2, oneOf));
    assertThat(problemsOf(() -> SpecCodec.readTask("id: t1\nrun: {}\n", "task.yaml")))
        .containsExactly(problem("/run", 2, oneOf));
    assertThat(problemsOf(() -> SpecCodec.readTask("id: t1\nrun:\n  argv: []\n", "task.yaml")))
        .containsExactly(problem("/run/argv", 3, "argv needs at least the program"));
    assertThat(problemsOf(() -> SpecCodec.readTask("id: t1\nrun:\n  comand: a\n", "task.yaml")))
        .extracting(SpecProblem::pointer).contains("/run/comand");
  }

  @Test
  void a_run_builtin_names_an_executor_inside_the_agent_and_survives_a_round_trip() {
    TaskSpec task = SpecCodec.readTask("id: t1\nrun:\n  builtin: noop\n  env: {I: 3}\n", "task.yaml");
    assertThat(task.run()).isEqualTo(new TaskRun("noop", List.of(), Map.of("I", "3"), 0));
    assertThat(task.run().isBuiltin()).isTrue();
    assertThat(SpecCodec.readTask(SpecCodec.writeTask(task, Format.JSON), "again.json").run()).isEqualTo(task.run());
  }

  @Test
  void a_run_reads_its_stdin_and_a_builtin_has_none() {
    TaskSpec task = SpecCodec.readTask("id: t1\nrun:\n  command: wc -l\n  stdin: |\n    a\n    b\n", "task.yaml");
    assertThat(task.run().stdin()).isEqualTo("a\nb\n");
    assertThat(problemsOf(() -> SpecCodec.readTask("id: t1\nrun:\n  builtin: noop\n  stdin: x\n", "task.yaml")))
        .containsExactly(problem("/run/stdin", 4, "stdin is read by a program ('command' or 'argv'), not by a builtin"));
  }

  @Test
  void a_builtin_name_is_checked() {
    assertThat(problemsOf(() -> SpecCodec.readTask("id: t1\nrun:\n  builtin: No Op\n", "task.yaml")))
        .containsExactly(problem("/run/builtin", 3,
            "a builtin's name is lower-case letters, digits and '-' (e.g. noop), got \"No Op\""));
  }
}
