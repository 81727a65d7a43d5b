package dev.weft.agent.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSweepTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @TempDir
  Path dir;

  private Path written(TaskLogs logs, String task, LogStream stream, Duration ago) throws IOException {
    Path f = Files.writeString(logs.file(task, stream), "output of " + task);
    Files.setLastModifiedTime(f, FileTime.from(NOW.minus(ago)));
    return f;
  }

  @Test
  void files_older_than_the_retention_go_unless_their_task_still_runs() throws IOException {
    TaskLogs logs = new TaskLogs(dir.resolve("logs"));
    Path oldOut = written(logs, "job/0~0", LogStream.STDOUT, Duration.ofDays(8));
    Path oldErr = written(logs, "job/0~0", LogStream.STDERR, Duration.ofDays(8));
    Path fresh = written(logs, "job/1~0", LogStream.STDOUT, Duration.ofHours(1));
    Path runningLong = written(logs, "service~0", LogStream.STDOUT, Duration.ofDays(30));
    LogSweep sweep = new LogSweep(logs, Duration.ofDays(7), () -> Set.of("service~0"));

    assertThat(sweep.sweep(NOW)).isEqualTo(2);
    assertThat(oldOut).doesNotExist();
    assertThat(oldErr).doesNotExist();
    assertThat(fresh).exists();
    assertThat(runningLong).as("a task that still runs keeps its files").exists();
    assertThat(sweep.sweep(NOW)).isZero();
    assertThat(new LogSweep(logs, Duration.ofMinutes(30), Set::of).sweep(NOW)).isEqualTo(2);
  }

  @Test
  void a_retention_of_nothing_is_refused() {
    TaskLogs logs = new TaskLogs(dir.resolve("logs"));
    assertThatThrownBy(() -> new LogSweep(logs, Duration.ZERO, Set::of)).isInstanceOf(IllegalArgumentException.class);
  }
}
