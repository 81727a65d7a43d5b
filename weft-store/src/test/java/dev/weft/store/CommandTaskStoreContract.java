package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.lifecycle.TaskEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link CommandTaskStore} and {@link TaskOutputStore} contracts, run on every database. */
abstract class CommandTaskStoreContract extends StoreContract {
  private void submit(String taskId) {
    db.jobs().submit(new NewJob(taskId, "square", JobKind.SINGLE,
        List.of(new NewTask(taskId, "square", json("cpu", 1), "root.default", 50))), T0);
  }

  private void move(String taskId, TaskEvent... events) {
    for (TaskEvent e : events) {
      TaskRecord t = db.tasks().find(taskId).orElseThrow();
      db.tasks().apply(e == TaskEvent.PLACE ? TaskChange.place(taskId, t.version(), "n-1")
          : e == TaskEvent.SUCCEED ? TaskChange.finish(taskId, t.version(), 0, null)
          : TaskChange.of(taskId, t.version(), e, "because"), T0);
    }
  }

  private CommandTask link(String command, String instance, String task) {
    return new CommandTask(command, command + "-decision", instance, task, "square@1.0.0", T0, null);
  }

  @Test
  void a_command_links_one_task_however_often_it_is_linked() {
    submit("t-1");
    assertThat(db.commandTasks().link(link("i-1/do/0@1", "i-1", "t-1"))).isTrue();
    assertThat(db.commandTasks().link(link("i-1/do/0@1", "i-1", "t-other"))).isFalse();
    assertThat(db.commandTasks().find("i-1/do/0@1")).contains(link("i-1/do/0@1", "i-1", "t-1"));
    assertThat(db.commandTasks().find("nothing")).isEmpty();
    assertThat(db.commandTasks().isLinked("t-1")).isTrue();
    assertThat(db.commandTasks().isLinked("t-other")).isFalse();
  }

  @Test
  void a_task_made_from_a_command_finds_its_link_and_any_other_task_none() {
    submit("t-1");
    submit("t-user");
    db.commandTasks().link(link("i-1/do/0@1", "i-1", "t-1"));
    assertThat(db.commandTasks().ofTask("t-1")).contains(link("i-1/do/0@1", "i-1", "t-1"));
    assertThat(db.commandTasks().ofTask("t-user")).isEmpty();
  }

  @Test
  void only_undelivered_links_of_ended_tasks_are_listed_as_ended() {
    for (String t : List.of("t-ok", "t-failed", "t-cancelled", "t-running", "t-pending")) {
      submit(t);
      db.commandTasks().link(link("c-" + t, "i-1", t));
    }
    move("t-ok", TaskEvent.PLACE, TaskEvent.START, TaskEvent.SUCCEED);
    move("t-failed", TaskEvent.PLACE, TaskEvent.FAIL);
    move("t-cancelled", TaskEvent.CANCEL);
    move("t-running", TaskEvent.PLACE, TaskEvent.START);
    assertThat(db.commandTasks().ended(10)).extracting(CommandTask::taskId)
        .containsExactlyInAnyOrder("t-ok", "t-failed", "t-cancelled");
    assertThat(db.commandTasks().ended(2)).hasSize(2);
    assertThat(db.commandTasks().markDelivered("c-t-ok", T0)).isTrue();
    assertThat(db.commandTasks().markDelivered("c-t-ok", T0)).isFalse();
    assertThat(db.commandTasks().ended(10)).extracting(CommandTask::taskId)
        .containsExactlyInAnyOrder("t-failed", "t-cancelled");
    assertThat(db.commandTasks().find("c-t-ok").orElseThrow().deliveredAt()).isEqualTo(T0);
  }

  @Test
  void a_failed_task_link_moves_once_to_its_retry_and_never_once_delivered() {
    submit("t-1");
    submit("t-1-r1");
    db.commandTasks().link(link("c", "i-1", "t-1"));
    move("t-1", TaskEvent.PLACE, TaskEvent.FAIL);
    assertThat(db.commandTasks().relink("c", "t-1", "t-1-r1")).isTrue();
    assertThat(db.commandTasks().relink("c", "t-1", "t-1-r1")).as("a second server retrying the same failure").isFalse();
    assertThat(db.commandTasks().find("c").orElseThrow().taskId()).isEqualTo("t-1-r1");
    assertThat(db.commandTasks().ofTask("t-1-r1")).isPresent();
    assertThat(db.commandTasks().ended(10)).as("the retry has not ended").isEmpty();
    db.commandTasks().markDelivered("c", T0);
    assertThat(db.commandTasks().relink("c", "t-1-r1", "t-1-r2")).isFalse();
  }

  @Test
  void open_lists_the_undelivered_links_of_one_instance() {
    submit("t-1");
    submit("t-2");
    submit("t-3");
    db.commandTasks().link(link("a", "i-1", "t-1"));
    db.commandTasks().link(link("b", "i-1", "t-2"));
    db.commandTasks().link(link("c", "i-2", "t-3"));
    db.commandTasks().markDelivered("a", T0);
    assertThat(db.commandTasks().open("i-1")).extracting(CommandTask::commandId).containsExactly("b");
    assertThat(db.commandTasks().ofInstance("i-1")).extracting(CommandTask::commandId).containsExactly("a", "b");
  }

  @Test
  void the_first_output_reported_for_an_attempt_is_kept() {
    db.taskOutputs().save(new TaskOutput("t-1", 0, "25\n", ""));
    db.taskOutputs().save(new TaskOutput("t-1", 0, "other", "x"));
    db.taskOutputs().save(new TaskOutput("t-1", 1, null, "boom"));
    assertThat(db.taskOutputs().find("t-1", 0)).contains(new TaskOutput("t-1", 0, "25\n", ""));
    assertThat(db.taskOutputs().find("t-1", 1)).contains(new TaskOutput("t-1", 1, null, "boom"));
    assertThat(db.taskOutputs().find("t-1", 2)).isEmpty();
  }
}
