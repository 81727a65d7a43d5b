package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.store.JobKind;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.NewTask;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSubmissionTest {
  private static TaskSpec t(String id, String... deps) {
    return TaskSpec.builder(id).dependsOn(List.of(deps)).build();
  }

  @Test
  void the_kind_follows_the_shape() {
    assertThat(JobSubmission.check("j", List.of(t("a")))).isEqualTo(JobKind.SINGLE);
    assertThat(JobSubmission.check("j", List.of(t("a"), t("b")))).isEqualTo(JobKind.ARRAY);
    assertThat(JobSubmission.check("j", List.of(t("a"), t("b", "a"), t("c", "a", "b")))).isEqualTo(JobKind.DAG);
  }

  @Test
  void an_array_copies_the_template_under_numbered_ids() {
    TaskSpec template = TaskSpec.builder("x").resources(Resources.cpus(2)).priority(70).queue("root.batch").build();
    List<TaskSpec> tasks = JobSubmission.array("sweep", template, 3);
    assertThat(tasks).extracting(TaskSpec::id).containsExactly("sweep/0", "sweep/1", "sweep/2");
    assertThat(tasks).allSatisfy(s -> {
      assertThat(s.job()).isEqualTo("sweep");
      assertThat(s.resources()).isEqualTo(Resources.cpus(2));
      assertThat(s.priority()).isEqualTo(70);
      assertThat(s.queue()).isEqualTo("root.batch");
    });
    assertThatThrownBy(() -> JobSubmission.array("sweep", template, 0))
        .hasMessage("job sweep: an array needs at least 1 task, got 0");
  }

  @Test
  void a_job_the_scheduler_could_never_finish_is_refused_naming_the_task() {
    assertThatThrownBy(() -> JobSubmission.check("j", List.of()))
        .hasMessage("job j has no tasks");
    assertThatThrownBy(() -> JobSubmission.check("j", List.of(t("a"), t("a"))))
        .hasMessage("job j: task id a appears twice");
    assertThatThrownBy(() -> JobSubmission.check("j", List.of(t("a"), t("b", "zz"))))
        .hasMessage("job j: task b depends on zz, which is not a task of this job");
    assertThatThrownBy(() -> JobSubmission.check("j", List.of(t("a", "c"), t("b", "a"), t("c", "b"), t("d"))))
        .hasMessage("job j: dependencies form a cycle, a -> c -> b -> a (each waits for the next, so none could start)");
    assertThatThrownBy(() -> JobSubmission.check("j", List.of(t("a", "a"))))
        .hasMessageContaining("a -> a");
  }

  @Test
  void the_copies_of_an_array_are_stored_and_read_back_as_each_would_be_alone() throws Exception {
    TaskSpec template = TaskSpec.builder("x").resources(Resources.cpus(2)).priority(70).queue("root.batch")
        .run(new TaskRun("noop", List.of(), Map.of("A", "1"), 0)).build();
    List<TaskSpec> specs = new ArrayList<>(JobSubmission.array("sweep", template, 3));
    specs.add(TaskSpec.builder("alone").priority(10).build()); // its job is its own id: written in full
    specs.add(TaskSpec.builder("other").priority(10).build());
    specs.addAll(JobSubmission.array("q\"\u00e9\\", template, 2)); // an id written with escapes
    Instant at = Instant.parse("2026-01-01T00:00:00.123456Z");
    SpecJson.Prepared prepared = SpecJson.prepare(specs, "sweep", at);
    assertThat(prepared.rows()).hasSize(specs.size());
    assertThat(prepared.rows()).filteredOn(r -> r.specText() != null).hasSize(5); // each array's tasks
    for (int i = 0; i < specs.size(); i++) {
      NewTask row = SpecJson.newTask(specs.get(i), "sweep");
      NewTask prep = prepared.rows().get(i);
      assertThat(new NewTask(prep.id(), prep.name(), prep.spec(), prep.queue(), prep.priority())).isEqualTo(row);
      if (prep.specText() != null) { // the text stored: the spec the codec writes for this task alone
        assertThat(new ObjectMapper().readTree(prep.specText())).isEqualTo(row.spec());
        assertThat(prep.specText()).isEqualTo(row.spec().toString());
      }
      TaskRecord stored = new TaskRecord(row.id(), "sweep", "sweep", row.spec(), row.queue(), row.priority(),
          TaskState.PENDING, 0, null, 1, Instant.ofEpochMilli(at.toEpochMilli()), null, null, null, null, null, null);
      assertThat(prepared.asStored().get(row.id())).isEqualTo(SpecJson.task(stored));
    }
  }

  @Test
  void a_shape_is_the_json_without_its_id_whatever_the_field_order() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode idFirst = (ObjectNode) json.readTree("{\"id\":\"a/1\",\"job\":\"a\",\"env\":{\"id\":\"a/1\"}}");
    ObjectNode idLater = (ObjectNode) json.readTree("{\"job\":\"a\",\"id\":\"a/1\",\"env\":{\"id\":\"a/1\"}}");
    assertThat(SpecJson.shape(idFirst)).isEqualTo("{\"job\":\"a\",\"env\":{\"id\":\"a/1\"}}");
    assertThat(SpecJson.shape(idLater)).isEqualTo("{\"job\":\"a\",\"env\":{\"id\":\"a/1\"}}");
    assertThat(SpecJson.shape((ObjectNode) json.readTree("{\"id\":\"q\\\"x\",\"job\":\"q\"}"))).isEqualTo("{\"job\":\"q\"}");
  }
}
