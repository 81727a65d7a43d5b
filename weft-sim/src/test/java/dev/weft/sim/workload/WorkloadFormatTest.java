package dev.weft.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkloadFormatTest {
  @Test
  void swfAndGzippedSwfAndCsvAreRecognisedByTheirExtension() {
    assertThat(WorkloadFormat.fromFileName(Path.of("a/b.swf"))).contains(WorkloadFormat.SWF);
    assertThat(WorkloadFormat.fromFileName(Path.of("SDSC.SWF.GZ"))).contains(WorkloadFormat.SWF);
    assertThat(WorkloadFormat.fromFileName(Path.of("jobs.csv"))).contains(WorkloadFormat.CSV);
  }

  @Test
  void anOpenbPodListIsRecognisedByItsName() {
    assertThat(WorkloadFormat.fromFileName(Path.of("data/openb_pod_list_default.csv"))).contains(WorkloadFormat.OPENB);
  }

  @Test
  void otherExtensionsNeedAnExplicitFormat() {
    assertThat(WorkloadFormat.fromFileName(Path.of("basic_input.0"))).isEmpty();
  }

  @Test
  void anUnknownFormatNameListsTheAcceptedOnes() {
    assertThatThrownBy(() -> WorkloadFormat.parse("json"))
        .hasMessage("unknown workload format 'json' (expected one of swf, csv, pyss, openb)");
  }
}
