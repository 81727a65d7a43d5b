package dev.weft.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyssReaderTest {
  private static final String SCENARIO = """
      # arrival time; job id; user estimated duration; number of required nodes; actual duration
      0 600 600 90 600 0 0 uid_1
      0 10 10 10 10 0 0 uid_2   # a trailing comment
      1 40.2 5 10 10 0 0 uid_1
      -1 41 10 10 10 0 0 uid_1
      2 42 10 0 10 0 0 uid_1
      3 43 10 10 -1 0 0 uid_1

      4 30.1 11 10 10 0 0 uid_3
      """;

  @TempDir
  Path dir;

  @Test
  void keepsTheJobIdAsWrittenAndReadsSecondsAndProcessors() throws IOException {
    Workload w = read(SCENARIO);

    assertThat(w.jobs()).extracting(SimJob::id).containsExactly("600", "10", "30.1");
    SimJob last = w.jobs().get(2);
    assertThat(last.submitMillis()).isEqualTo(4_000);
    assertThat(last.spec().estimateMillis()).isEqualTo(11_000);
    assertThat(last.runtimeMillis()).isEqualTo(10_000);
    assertThat(last.spec().resources().cpuMillis()).isEqualTo(10_000);
    assertThat(last.spec().user()).isEqualTo("uid_3");
  }

  @Test
  void ignoresJobsUnderEstimatedOrWithNegativeSubmitNoProcessorsOrNegativeRuntime() throws IOException {
    assertThat(read(SCENARIO).skipped()).isEqualTo(4);
  }

  @Test
  void aLineWithTheWrongNumberOfFieldsNamesFileAndLine() throws IOException {
    Path file = Files.writeString(dir.resolve("p"), "# x\n0 1 2 3\n");

    assertThatThrownBy(() -> new PyssReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessageStartingWith(file + ":2: expected 8 fields");
  }

  @Test
  void aNonNumericFieldNamesFileLineAndField() throws IOException {
    Path file = Files.writeString(dir.resolve("p"), "0 1 ten 3 4 0 0 u\n");

    assertThatThrownBy(() -> new PyssReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessage(file + ":1: estimate: expected a number, got \"ten\"");
  }

  @Test
  void aDuplicateJobIdIsAnError() throws IOException {
    Path file = Files.writeString(dir.resolve("p"), "0 1 1 1 1 0 0 u\n0 1 1 1 1 0 0 u\n");

    assertThatThrownBy(() -> new PyssReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessage(file + ":2: duplicate job id '1'");
  }

  private Workload read(String content) throws IOException {
    return new PyssReader().read(Files.writeString(dir.resolve("scenario"), content));
  }
}
