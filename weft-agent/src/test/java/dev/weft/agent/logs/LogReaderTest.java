package dev.weft.agent.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.agent.exec.Rig;
import dev.weft.agent.exec.RunningTask;
import dev.weft.agent.exec.TaskCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
  @TempDir
  Path tmp;

  @Test
  void reads_from_an_offset_and_says_where_to_go_on() throws Exception {
    TaskLogs logs = new TaskLogs(tmp);
    Files.writeString(logs.file("t1", LogStream.STDOUT), "hello world\n");
    LogReader r = logs.reader("t1", LogStream.STDOUT);
    LogChunk first = r.read(0, 5);
    assertThat(first.text()).isEqualTo("hello");
    LogChunk rest = r.read(first.next(), 100);
    assertThat(rest.text()).isEqualTo(" world\n");
    assertThat(rest.next()).isEqualTo(12);
    assertThat(r.read(rest.next(), 100).isEmpty()).isTrue();
    assertThat(r.tail(6)).isEqualTo("world\n");
  }

  @Test
  void a_task_with_no_output_yet_reads_empty() {
    LogReader r = new TaskLogs(tmp).reader("none", LogStream.STDERR);
    assertThat(r.read(0, 10).isEmpty()).isTrue();
    assertThat(r.size()).isZero();
  }

  @Test
  void follow_streams_a_running_task_until_it_ends() throws Exception {
    try (Rig rig = new Rig(tmp, Rig.bestConfiner())) {
      String id = Rig.id("follow");
      Path go = tmp.resolve("go");
      RunningTask t = rig.executor.start(TaskCommand.shell(id,
          "echo one; while [ ! -e " + go + " ]; do sleep 0.05; done; echo two"));
      StringBuilder seen = new StringBuilder();
      long end = rig.logs.reader(id, LogStream.STDOUT).follow(0, c -> {
        seen.append(c.text());
        if (seen.toString().equals("one\n")) {
          touch(go); // the second line is only written after the first was streamed
        }
      }, () -> t.outcome().isDone(), Duration.ofMillis(20));
      assertThat(seen.toString()).isEqualTo("one\ntwo\n");
      assertThat(end).isEqualTo(8);
    }
  }

  private static void touch(Path p) {
    try {
      Files.createFile(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
