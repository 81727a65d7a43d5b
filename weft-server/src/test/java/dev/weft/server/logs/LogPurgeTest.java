package dev.weft.server.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.store.Database;
import dev.weft.store.JobKind;
import dev.weft.store.LogExtent;
import dev.weft.store.LogPiece;
import dev.weft.store.NewJob;
import dev.weft.store.NewTask;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import dev.weft.store.TaskStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPurgeTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir
  Path dir;
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:h2:file:" + dir.resolve("weft"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void the_logs_of_tasks_that_ended_longer_ago_than_the_retention_go_in_batches_and_the_rest_stay() {
    int old = LogPurge.BATCH + 7; // more than one batch
    List<NewTask> tasks = new ArrayList<>();
    for (int i = 0; i < old + 2; i++) {
      tasks.add(new NewTask("j/" + i, "etl", JsonNodeFactory.instance.objectNode().put("cpu", 1), "root.default", 50));
    }
    db.jobs().submit(new NewJob("j", "etl", JobKind.ARRAY, tasks), T0);
    for (int i = 0; i < old + 2; i++) {
      String id = "j/" + i;
      if (i < old + 1) { // the last one is still running
        run(id, i < old ? T0.plusSeconds(i) : T0.plus(Duration.ofDays(6)));
      } else {
        start(id);
      }
      db.taskLogs().append(new LogPiece(id, 0, TaskStream.STDOUT, 0, "hi\n".getBytes(StandardCharsets.UTF_8), 3, true),
          1000, T0);
    }
    LogPurge purge = new LogPurge(db.taskLogs(), Duration.ofDays(7), InstantSource.fixed(T0.plus(Duration.ofDays(8))));

    assertThat(purge.once()).isEqualTo(old);
    assertThat(purge.once()).isZero();
    assertThat(held("j/0")).isFalse();
    assertThat(held("j/" + (old - 1))).isFalse();
    assertThat(held("j/" + old)).as("ended 2 days before the purge").isTrue();
    assertThat(held("j/" + (old + 1))).as("still running").isTrue();
  }

  @Test
  void started_it_purges_at_once_and_stops_when_closed() throws Exception {
    db.jobs().submit(new NewJob("k", "etl", JobKind.SINGLE, List.of(new NewTask("k/0", "etl",
        JsonNodeFactory.instance.objectNode().put("cpu", 1), "root.default", 50))), T0);
    run("k/0", T0);
    db.taskLogs().append(new LogPiece("k/0", 0, TaskStream.STDERR, 0, "x".getBytes(StandardCharsets.UTF_8), 1, true),
        1000, T0);
    try (LogPurge purge = new LogPurge(db.taskLogs(), Duration.ofHours(1), InstantSource.fixed(T0.plus(Duration.ofDays(1))))
        .start(Duration.ofHours(1))) {
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (held("k/0") && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(held("k/0")).isFalse();
    }
  }

  @Test
  void a_retention_of_zero_or_less_is_refused() {
    assertThatThrownBy(() -> new LogPurge(db.taskLogs(), Duration.ZERO, InstantSource.system()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  private boolean held(String task) {
    for (TaskStream s : TaskStream.values()) {
      if (!db.taskLogs().extent(task, 0, s).equals(LogExtent.NONE) || !db.taskLogs().read(task, 0, s, 0, 10).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private TaskRecord start(String id) {
    TaskRecord t = db.tasks().apply(TaskChange.place(id, db.tasks().find(id).orElseThrow().version(), "n-1"), T0);
    return db.tasks().apply(TaskChange.of(id, t.version(), TaskEvent.START, null), T0);
  }

  private void run(String id, Instant endedAt) {
    TaskRecord t = start(id);
    db.tasks().apply(TaskChange.finish(id, t.version(), 0, "ok"), endedAt);
  }
}
