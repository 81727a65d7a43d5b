package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"etl/3", "a_b-c", "..", ".", "x~1", "a.2F3", "née/ü", "with space", "%41"})
  void any_task_id_reads_back_from_its_file_safe_run_id(String taskId) {
    RunId run = new RunId(taskId, 7);
    assertThat(run.toString()).matches("[A-Za-z0-9_.-]+~7");
    assertThat(run.toString()).isNotIn(".", ".."); // a hidden name is fine, a directory link is not
    assertThat(RunId.of(run.toString())).isEqualTo(run);
  }

  @Test
  void distinct_tasks_get_distinct_run_ids_even_where_the_agent_maps_unsafe_characters() {
    // the agent's log files replace '~' by '_'; ids that differ only there must not meet
    String a = new RunId("a/3", 0).toString().replace('~', '_');
    String b = new RunId("a_2F3", 0).toString().replace('~', '_');
    assertThat(a).isEqualTo("a.2F3_0").isNotEqualTo(b);
  }

  @Test
  void a_malformed_run_id_is_refused_with_the_reason() {
    assertThatThrownBy(() -> RunId.of("t")).hasMessageContaining("is not a run id (TASK~ATTEMPT)");
    assertThatThrownBy(() -> RunId.of("t~x")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> RunId.of("t.4~1")).hasMessageContaining("'.' must be followed by two hex digits");
    assertThatThrownBy(() -> RunId.of("t.ZZ~1")).hasMessageContaining("'.' must be followed by two hex digits");
  }
}
