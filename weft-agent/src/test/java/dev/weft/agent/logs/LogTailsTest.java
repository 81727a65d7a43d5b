package dev.weft.agent.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LogTailsTest {
  @TempDir
  Path dir;

  @Test
  void the_tails_are_the_ends_of_the_task_s_log_files() throws Exception {
    TaskLogs logs = new TaskLogs(dir);
    Files.writeString(logs.file("t~0", LogStream.STDOUT), "a".repeat(LogTails.STDOUT_BYTES) + " the end\n");
    Files.writeString(logs.file("t~0", LogStream.STDERR), "boom\n");
    var tails = new LogTails(logs).of("t~0");
    assertThat(tails.stdout().endsWith("a the end\n")).as("ends with the file's end").isTrue();
    assertThat(tails.stdout().length()).isBetween(LogTails.STDOUT_BYTES - 16, LogTails.STDOUT_BYTES);
    assertThat(tails.stderr()).isEqualTo("boom\n");
    assertThat(new LogTails(logs).of("never-ran~0").stdout()).isEmpty();
  }

  @Test
  void control_characters_count_as_their_json_escapes() {
    assertThat(LogTails.fit("abc\u0001\u0001", 12)).isEqualTo("\u0001\u0001");
    assertThat(LogTails.fit("abc\u0001\u0001", 13)).isEqualTo("c\u0001\u0001");
    assertThat(LogTails.fit("héllo", 5)).isEqualTo("éllo");
    assertThat(LogTails.fit("", 10)).isEmpty();
  }
}
