package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.store.Database;
import dev.weft.store.JobKind;
import dev.weft.store.NewJob;
import dev.weft.store.NewTask;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import dev.weft.model.lifecycle.TaskEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code ServerSettings.jobRetention} through a real server: its job purge runs when it starts. */
class JobRetentionServerTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_server_deletes_jobs_that_ended_longer_ago_than_its_job_retention_and_keeps_the_rest(TestDb target)
      throws Exception {
    QuietLibraries.apply();
    TestDb.Place place = target.place(dir);
    Instant now = Instant.now();
    try (Database db = place.open()) {
      ended(db, "old", now.minus(Duration.ofDays(3)));
      ended(db, "recent", now.minus(Duration.ofHours(1)));
    }
    ApiSettings api = new ApiSettings("127.0.0.1", 0, Tokens.none(), Bodies.DEFAULT_LIMIT);
    ServerSettings settings = new ServerSettings(place.url(), api, 2).withJobRetention(Duration.ofDays(2));
    try (WeftServer server = WeftServer.start(settings, SchedulingSettings.defaults("retention-test"), List.of())) {
      Database db = server.database();
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (db.jobs().find("old").isPresent() && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(db.jobs().find("old")).isEmpty();
      assertThat(db.tasks().find("old")).isEmpty();
      assertThat(db.jobs().find("recent")).isPresent();
    } finally {
      place.dispose().run();
    }
  }

  /** A one-task job (the task has the job's id) that succeeded at {@code at}. */
  private static void ended(Database db, String id, Instant at) {
    db.jobs().submit(new NewJob(id, "etl", JobKind.SINGLE, List.of(new NewTask(id, "etl",
        JsonNodeFactory.instance.objectNode().put("cpu", 1), "root.default", 50))), at.minusSeconds(60));
    TaskRecord t = db.tasks().apply(TaskChange.place(id, 1, "n-1"), at);
    t = db.tasks().apply(TaskChange.of(id, t.version(), TaskEvent.START, null), at);
    db.tasks().apply(TaskChange.finish(id, t.version(), 0, "ok"), at);
  }
}
