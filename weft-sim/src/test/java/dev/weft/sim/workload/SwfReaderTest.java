package dev.weft.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.sim.testing.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwfReaderTest {
  private static final String TRACE = """
      ; Version: 2.2
      ; MaxNodes: 64
      ; MaxProcs: 128
      ;
      1 0 5 100 8 -1 -1 8 200 -1 1 3 1 -1 1 -1 -1 -1
      2 10 0 50 -1 -1 -1 4 -1 -1 1 7 1 -1 1 -1 -1 -1

      3 20 0 -1 4 -1 -1 4 100 -1 5 3 1 -1 1 -1 -1 -1
      4 30 0 60 -1 -1 -1 -1 100 -1 0 3 1 -1 1 -1 -1 -1
      5 40 0 60.5 2 -1 -1 2 100 -1 1 -1 1 -1 1 -1 -1 -1
      """;

  @TempDir
  Path dir;

  @Test
  void readsSubmitRuntimeProcessorsEstimateAndUserOfEachJob() throws IOException {
    Workload w = new SwfReader().read(write("t.swf", TRACE));

    assertThat(w.jobs()).extracting(SimJob::id).containsExactly("1", "2", "5");
    SimJob first = w.jobs().get(0);
    assertThat(first.submitMillis()).isZero();
    assertThat(first.runtimeMillis()).isEqualTo(100_000);
    assertThat(first.spec().resources().cpuMillis()).isEqualTo(8_000);
    assertThat(first.spec().estimateMillis()).isEqualTo(200_000);
    assertThat(first.spec().user()).isEqualTo("u3");
    assertThat(w.jobs().get(2).runtimeMillis()).isEqualTo(60_500);
  }

  @Test
  void usesRequestedProcessorsWhenAllocatedAreUnknown() throws IOException {
    SimJob second = new SwfReader().read(write("t.swf", TRACE)).jobs().get(1);

    assertThat(second.spec().resources().cpuMillis()).isEqualTo(4_000);
  }

  @Test
  void anUnknownEstimateBecomesZero() throws IOException {
    assertThat(new SwfReader().read(write("t.swf", TRACE)).jobs().get(1).spec().estimateMillis()).isZero();
  }

  @Test
  void skipsAndCountsJobsWithoutRunTimeOrProcessors() throws IOException {
    assertThat(new SwfReader().read(write("t.swf", TRACE)).skipped()).isEqualTo(2);
  }

  @Test
  void exposesMaxProcsOfTheHeader() throws IOException {
    assertThat(new SwfReader().read(write("t.swf", TRACE)).declaredCpus()).isEqualTo(128);
  }

  @Test
  void fallsBackToMaxNodesWhenTheHeaderHasNoMaxProcs() throws IOException {
    Workload w = new SwfReader().read(write("t.swf", TRACE.replace("; MaxProcs: 128\n", "")));

    assertThat(w.declaredCpus()).isEqualTo(64);
  }

  @Test
  void readsGzipByItsMagicBytesWhateverTheName() throws IOException {
    Path file = dir.resolve("trace.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(TRACE.getBytes(StandardCharsets.UTF_8));
    }

    assertThat(new SwfReader().read(file).jobs()).hasSize(3);
  }

  @Test
  void aLineWithTheWrongNumberOfFieldsNamesFileAndLine() throws IOException {
    Path file = write("bad.swf", "; MaxProcs: 4\n1 0 5 100 8 -1\n");

    assertThatThrownBy(() -> new SwfReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessage(file + ":2: expected 18 fields, got 6");
  }

  @Test
  void aNonNumericFieldNamesFileLineAndField() throws IOException {
    Path file = write("bad.swf", "1 0 5 abc 8 -1 -1 8 200 -1 1 3 1 -1 1 -1 -1 -1\n");

    assertThatThrownBy(() -> new SwfReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessage(file + ":1: field 4: expected a number, got \"abc\"");
  }

  @Test
  void aMissingFileIsAWorkloadError() {
    Path file = dir.resolve("absent.swf");

    assertThatThrownBy(() -> new SwfReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void readsTheWholeSdscTraceLineByLine() {
    Path file = SharedData.file("swf/SDSC-SP2-1998-4.2-cln.swf.gz");
    Assumptions.assumeTrue(Files.exists(file), "shared data absent: " + file);

    Workload w = new SwfReader().read(file);

    assertThat(w.declaredCpus()).isEqualTo(128);
    assertThat(w.jobs().size() + w.skipped()).isEqualTo(59_715);
    assertThat(w.jobs()).allSatisfy(j -> assertThat(j.spec().resources().cpuMillis()).isBetween(1_000L, 128_000L));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
