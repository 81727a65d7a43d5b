package dev.weft.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.server.scheduling.RunId;
import dev.weft.store.Database;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import dev.weft.store.TaskStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which node's agent may ship a run's output. */
class LogIntakeTest {
  @TempDir
  Path dir;
  TestDb.Place place;
  Database db;
  LogIntake intake;

  @BeforeEach
  void open() {
    place = TestDb.H2.place(dir);
    db = Database.open(place.url());
    intake = new LogIntake(db, new LogBell(), InstantSource.system());
    new JobSubmission(db).submit("j", "j", List.of(TaskSpec.builder("t").job("j").build()), Instant.now());
  }

  @AfterEach
  void close() {
    db.close();
    place.dispose().run();
  }

  private LogIntake.Ack ship(String node, int attempt, long offset) {
    return intake.take(node, List.of(new LogIntake.Piece(new RunId("t", attempt), TaskStream.STDOUT, offset,
        "line\n".getBytes(StandardCharsets.UTF_8), offset + 5, false))).getFirst();
  }

  private void apply(TaskEvent event, String node) {
    TaskRecord t = db.tasks().find("t").orElseThrow();
    db.tasks().apply(event == TaskEvent.PLACE ? TaskChange.place("t", t.version(), node)
        : TaskChange.of("t", t.version(), event, "test"), Instant.now());
  }

  @Test
  void each_attempt_s_output_is_taken_from_the_node_it_ran_on_only() {
    assertThat(ship("n1", 0, 0).ignored()).as("not placed yet").isEqualTo("task t attempt 0 is not on node n1");
    apply(TaskEvent.PLACE, "n1");
    LogIntake.Ack other = ship("n2", 0, 0);
    assertThat(other.ignored()).isEqualTo("task t attempt 0 is not on node n2");
    assertThat(other.full()).as("the other agent sends no more of it").isTrue();
    assertThat(ship("n1", 0, 0).ignored()).isNull();
    assertThat(ship("n1", 0, 0).kept()).isEqualTo(5);

    apply(TaskEvent.LOSE, null); // n1 went silent: attempt 1 goes to n2
    apply(TaskEvent.REQUEUE, null);
    apply(TaskEvent.PLACE, "n2");
    assertThat(ship("n1", 0, 5).ignored()).as("the rest of attempt 0, from the node it ran on").isNull();
    LogIntake.Ack stranger = ship("n3", 0, 10);
    assertThat(stranger.ignored()).isEqualTo("task t attempt 0 did not run on node n3 (it ran on n1)");
    assertThat(stranger.full()).isTrue();
    assertThat(ship("n2", 0, 10).ignored()).as("the node of the current attempt, not of attempt 0")
        .isEqualTo("task t attempt 0 did not run on node n2 (it ran on n1)");
    assertThat(db.taskLogs().extent("t", 0, TaskStream.STDOUT).kept()).as("only n1's pieces").isEqualTo(10);
    assertThat(ship("n1", 1, 0).ignored()).isEqualTo("task t attempt 1 is not on node n1");
    assertThat(ship("n2", 1, 0).ignored()).isNull();
    assertThat(ship("n2", 2, 0).ignored()).isEqualTo("task t is at attempt 1, not 2");
  }
}
