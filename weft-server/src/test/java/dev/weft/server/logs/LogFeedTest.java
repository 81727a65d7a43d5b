package dev.weft.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.TaskSpec;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.server.scheduling.RunId;
import dev.weft.store.Database;
import dev.weft.store.LogBytes;
import dev.weft.store.TaskStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.weft.store.TaskChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A follow that waits, and is answered by bytes stored while it waits. */
class LogFeedTest {
  @TempDir
  Path dir;
  TestDb.Place place;
  Database db;
  final LogBell bell = new LogBell();

  @BeforeEach
  void open() {
    place = TestDb.H2.place(dir);
    db = Database.open(place.url());
    new JobSubmission(db).submit("j", "j", List.of(TaskSpec.builder("t").job("j").build()), Instant.now());
    db.tasks().apply(TaskChange.place("t", db.tasks().find("t").orElseThrow().version(), "n1"), Instant.now());
  }

  @AfterEach
  void close() {
    db.close();
    place.dispose().run();
  }

  @Test
  void a_waiting_follow_is_answered_by_bytes_stored_after_it_began_to_wait() throws Exception {
    LogFeed feed = new LogFeed(db, bell, InstantSource.system());
    LogIntake intake = new LogIntake(db, bell, InstantSource.system());
    AtomicReference<Thread> reader = new AtomicReference<>();
    CompletableFuture<Optional<LogFeed.Page>> page = CompletableFuture.supplyAsync(() -> {
      reader.set(Thread.currentThread());
      try {
        return feed.read(new LogFeed.Request("t", null, Map.of(TaskStream.STDOUT, 0L), true, Duration.ofSeconds(60)));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (reader.get() == null || reader.get().getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime()).as("the follow starts waiting").isLessThan(deadline);
      Thread.onSpinWait();
    }
    assertThat(page).isNotDone();
    intake.take("n1", List.of(new LogIntake.Piece(new RunId("t", 0), TaskStream.STDOUT, 0,
        "late line\n".getBytes(StandardCharsets.UTF_8), 10, false)));
    LogFeed.Page got = page.get(30, TimeUnit.SECONDS).orElseThrow();
    assertThat(got.chunks()).extracting(LogBytes::offset).containsExactly(0L);
    assertThat(new String(got.chunks().getFirst().data(), StandardCharsets.UTF_8)).isEqualTo("late line\n");
    assertThat(got.next()).containsEntry(TaskStream.STDOUT, 10L);
    assertThat(got.over()).isFalse();
    assertThat(got.complete()).isFalse();
  }
}
