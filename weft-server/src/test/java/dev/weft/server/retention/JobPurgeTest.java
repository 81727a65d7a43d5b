package dev.weft.server.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.store.CommandTask;
import dev.weft.store.Database;
import dev.weft.store.JobKind;
import dev.weft.store.NewJob;
import dev.weft.store.NewTask;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobPurgeTest {
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
  void jobs_that_ended_longer_ago_than_the_retention_go_in_batches_and_the_rest_stay() {
    int old = JobPurge.BATCH + 7; // more than one batch
    for (int i = 0; i < old; i++) {
      submit("old-" + i);
      run("old-" + i, T0.plusSeconds(i));
    }
    submit("recent");
    run("recent", T0.plus(Duration.ofDays(6)));
    submit("running");
    start("running");
    submit("awaited");
    run("awaited", T0);
    db.commandTasks().link(new CommandTask("cmd", "d", "i", "awaited", null, T0, null));
    JobPurge purge = new JobPurge(db.jobs(), Duration.ofDays(7), InstantSource.fixed(T0.plus(Duration.ofDays(8))));

    assertThat(purge.once()).isEqualTo(old);
    assertThat(purge.once()).isZero();
    assertThat(db.jobs().find("old-0")).isEmpty();
    assertThat(db.tasks().find("old-" + (old - 1))).isEmpty();
    assertThat(db.jobs().find("recent")).as("ended 2 days before the purge").isPresent();
    assertThat(db.jobs().find("running")).as("still running").isPresent();
    assertThat(db.jobs().find("awaited")).as("its outcome not yet delivered to the workflow").isPresent();
  }

  @Test
  void started_it_purges_at_once_and_stops_when_closed() throws Exception {
    submit("k");
    run("k", T0);
    try (JobPurge purge = new JobPurge(db.jobs(), Duration.ofHours(1), InstantSource.fixed(T0.plus(Duration.ofDays(1))))
        .start(Duration.ofHours(1))) {
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (db.jobs().find("k").isPresent() && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(db.jobs().find("k")).isEmpty();
    }
  }

  @Test
  void a_retention_of_zero_or_less_is_refused() {
    assertThatThrownBy(() -> new JobPurge(db.jobs(), Duration.ZERO, InstantSource.system()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> new JobPurge(db.jobs(), Duration.ofSeconds(-1), InstantSource.system()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  /** A one-task job whose task has the job's id. */
  private void submit(String id) {
    db.jobs().submit(new NewJob(id, "etl", JobKind.SINGLE, List.of(new NewTask(id, "etl",
        JsonNodeFactory.instance.objectNode().put("cpu", 1), "root.default", 50))), T0);
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
