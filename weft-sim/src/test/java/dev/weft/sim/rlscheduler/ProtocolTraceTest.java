package dev.weft.sim.rlscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.sim.workload.WorkloadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol's own reading of SWF, which differs from {@code SwfReader}'s. */
class ProtocolTraceTest {
  @TempDir
  Path dir;

  Path swf(String... lines) throws IOException {
    return Files.write(dir.resolve("t.swf"), String.join("\n", lines).getBytes());
  }

  @Test
  void processorsAreTheLargerFieldAndAMissingRequestIsTheRawRunTime() throws IOException {
    ProtocolTrace t = ProtocolTrace.read(swf("; MaxNodes: 4", "; MaxProcs: 8",
        "3 30 -1 100  2 -1 -1  5  -1 -1 1 7 -1 -1 -1 -1 -1 -1",
        "4 40 -1  50 -1 -1 -1  3  60 -1 1 8 -1 -1 -1 -1 -1 -1"));

    assertThat(t.jobs()).containsExactly(new ProtocolJob(3, 30, 100, 100, 5, 7), new ProtocolJob(4, 40, 50, 60, 3, 8));
    assertThat(t.machine()).isEqualTo(new ProtocolMachine(4, 2.0));
    assertThat(t.machine().nodesFor(5)).isEqualTo(3);
  }

  @Test
  void aNegativeRunTimeBecomesTenAfterTheRequestTookItAndRunTimeZeroIsDropped() throws IOException {
    ProtocolTrace t = ProtocolTrace.read(swf("; MaxNodes: 4",
        "1 10 -1 -1 1 -1 -1 -1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1",
        "2 20 -1  0 1 -1 -1 -1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"));

    assertThat(t.jobs()).containsExactly(new ProtocolJob(1, 10, 10, -1, 1, -1));
    assertThat(t.dropped()).isEqualTo(1);
  }

  @Test
  void jobsAreSortedByIdAndAMachineOfMaxNodesAloneHasOneProcessorPerNode() throws IOException {
    ProtocolTrace t = ProtocolTrace.read(swf("; MaxNodes: 2",
        "9 10 -1 5 1 -1 -1 -1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1",
        "5 20 -1 5 1 -1 -1 -1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"));

    assertThat(t.jobs()).extracting(ProtocolJob::id).containsExactly(5L, 9L);
    assertThat(t.machine()).isEqualTo(new ProtocolMachine(2, 1.0));
  }

  @Test
  void badTracesAreOneLineErrorsNamingTheFile() throws IOException {
    Path noHeader = swf("1 10 -1 5 1 -1 -1 -1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1");
    assertThatThrownBy(() -> ProtocolTrace.read(noHeader)).isInstanceOf(WorkloadException.class)
        .hasMessageContaining("declares neither MaxNodes nor MaxProcs");

    Path tooBig = swf("; MaxNodes: 2", "1 10 -1 5 3 -1 -1 -1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1");
    assertThatThrownBy(() -> ProtocolTrace.read(tooBig)).hasMessageContaining("job 1 asks 3 processors");

    Path fraction = swf("; MaxNodes: 2", "1 10.5 -1 5 1 -1 -1 -1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1");
    assertThatThrownBy(() -> ProtocolTrace.read(fraction)).hasMessageContaining("t.swf:2: field 2");
  }

  @Test
  void aTraceTooShortForTheTenSequencesIsRefused() throws IOException {
    ProtocolTrace t = ProtocolTrace.read(swf("; MaxNodes: 2", "1 10 -1 5 1 -1 -1 -1 -1 -1 1 -1 -1 -1 -1 -1 -1 -1"));

    assertThatThrownBy(() -> RlSchedulerProtocol.sequences(t)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs at least 9874 jobs");
  }
}
