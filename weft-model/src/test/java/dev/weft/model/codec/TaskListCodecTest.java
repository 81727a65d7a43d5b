package dev.weft.model.codec;

import static dev.weft.model.codec.SpecAssertions.problem;
import static dev.weft.model.codec.SpecAssertions.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.TaskSpec;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TaskListCodecTest {

  @ParameterizedTest
  @EnumSource(Format.class)
  void a_task_list_survives_a_round_trip(Format format) {
    List<TaskSpec> tasks = List.of(TaskSpec.builder("prepare").build(), TaskSpec.builder("fetch").build(),
        TaskCodecTest.FULL.toBuilder().gang(null, 0).build());
    assertThat(SpecCodec.readTasks(SpecCodec.writeTasks(tasks, format), "tasks")).isEqualTo(tasks);
  }

  @Test
  void a_bare_list_is_a_task_file_too() {
    assertThat(SpecCodec.readTasks("[{id: a}, {id: b, dependsOn: [a]}]", "tasks.yaml"))
        .extracting(TaskSpec::id).containsExactly("a", "b");
  }

  @Test
  void ids_are_unique_and_dependencies_name_tasks_of_the_file() {
    String yaml = """
        tasks:
          - id: extract
          - id: transform
            dependsOn: [extrct, transform]
          - id: extract
          - id: g1
            gang: {name: g, size: 2}
          - id: g2
            gang: {name: g, size: 3}
        """;
    assertThat(problemsOf(() -> SpecCodec.readTasks(yaml, "tasks.yaml"))).containsExactly(
        problem("/tasks/1/dependsOn/0", 4, "depends on unknown task 'extrct' (did you mean 'extract'?)"),
        problem("/tasks/1/dependsOn/1", 4, "task 'transform' cannot depend on itself"),
        problem("/tasks/2/id", 5, "duplicate task id 'extract' (first at /tasks/0)"),
        problem("/tasks/4/gang/size", 9, "gang 'g' has size 3 here but 2 at /tasks/3/gang/size"));
  }

  @Test
  void a_task_file_needs_its_tasks() {
    assertThat(problemsOf(() -> SpecCodec.readTasks("{\"task\": []}", "tasks.json"))).containsExactly(
        problem("/task", 1, "unknown field 'task' (did you mean 'tasks'?)"),
        problem("", 1, "missing required field 'tasks'"));
  }
}
