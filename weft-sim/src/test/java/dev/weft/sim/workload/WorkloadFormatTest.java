package dev.weft.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadFormatTest {
  @TempDir
  Path dir;

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
  void aJsonFileWithATopLevelWorkflowIsAWfFormatInstance() throws IOException {
    Path instance = Files.writeString(dir.resolve("montage.JSON"),
        "{\"name\": \"m\", \"author\": {\"name\": \"x\"}, \"workflow\": {\"tasks\": [");
    Path cluster = Files.writeString(dir.resolve("cluster.json"), "{\"nodes\": [{\"workflow\": 1}]}");

    assertThat(WorkloadFormat.detect(instance)).as("even when broken further on").contains(WorkloadFormat.WFFORMAT);
    assertThat(WorkloadFormat.detect(cluster)).isEmpty();
    assertThat(WorkloadFormat.detect(dir.resolve("absent.json"))).isEmpty();
    assertThat(WorkloadFormat.detect(Path.of("jobs.csv"))).contains(WorkloadFormat.CSV);
  }

  @Test
  void anUnknownFormatNameListsTheAcceptedOnes() {
    assertThatThrownBy(() -> WorkloadFormat.parse("json"))
        .hasMessage("unknown workload format 'json' (expected one of swf, csv, pyss, wfformat, openb)");
  }
}
