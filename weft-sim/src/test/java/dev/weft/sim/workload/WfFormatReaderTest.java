package dev.weft.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.Node;
import dev.weft.sim.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WfFormatReaderTest {
  /** split -> {left, right} -> join; the edge right -> join is declared only as a child of right. */
  static final String V15 = """
      {
        "name": "tiny",
        "schemaVersion": "1.5",
        "workflow": {
          "specification": {
            "tasks": [
              {"name": "split", "id": "split", "parents": [], "children": ["left", "right"]},
              {"name": "left", "id": "left", "parents": ["split"], "children": ["join"]},
              {"name": "right", "id": "right", "parents": ["split"], "children": ["join"]},
              {"name": "join", "id": "join", "parents": ["left"], "children": []}
            ],
            "files": []
          },
          "execution": {
            "makespanInSeconds": 42.5,
            "executedAt": "2024-01-01T00:00:00Z",
            "tasks": [
              {"id": "split", "runtimeInSeconds": 1.25},
              {"id": "left", "runtimeInSeconds": 10, "coreCount": 2, "memoryInBytes": 1500000},
              {"id": "right", "runtimeInSeconds": 0},
              {"id": "join", "runtimeInSeconds": 3.0005}
            ],
            "machines": [
              {"nodeName": "m1", "cpu": {"coreCount": 8, "speedInMHz": 2400}, "memoryInBytes": 17179869184},
              {"nodeName": "m2", "cpu": {"coreCount": 4}}
            ]
          }
        }
      }
      """;

  static final String V14 = """
      {
        "name": "old",
        "schemaVersion": "1.4",
        "workflow": {
          "makespanInSeconds": 20,
          "executedAt": "2020-01-01T00:00:00Z",
          "machines": [{"nodeName": "box", "cpu": {"count": 16, "speed": 2000}}],
          "tasks": [
            {"name": "fetch_ID01", "id": "ID01", "runtimeInSeconds": 5, "cores": 4, "children": ["ID02"]},
            {"name": "sum_ID02", "id": "ID02", "runtimeInSeconds": 7, "parents": []},
            {"name": "report_ID03", "runtimeInSeconds": 1, "parents": ["sum_ID02", "fetch_ID01"]}
          ]
        }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void readsTheTasksOfA15InstanceWithTheirParentsRunTimesCoresAndMemory() throws IOException {
    WfInstance w = new WfFormatReader().read(write("tiny.json", V15));

    List<SimJob> jobs = w.workload().jobs();
    assertThat(jobs).extracting(SimJob::id).containsExactly("split", "left", "right", "join");
    assertThat(dependencies(jobs)).containsEntry("split", List.of()).containsEntry("left", List.of("split"))
        .as("right -> join is declared on right only").containsEntry("join", List.of("left", "right"));
    SimJob left = jobs.get(1);
    assertThat(left.runtimeMillis()).isEqualTo(10_000);
    assertThat(left.spec().estimateMillis()).as("the recorded run time is the estimate").isEqualTo(10_000);
    assertThat(left.spec().resources().cpuMillis()).isEqualTo(2_000);
    assertThat(left.spec().resources().memoryMiB()).as("1.5 MB rounded up to MiB").isEqualTo(2);
    assertThat(jobs.get(0).spec().resources().cpuMillis()).as("one core when not recorded").isEqualTo(1_000);
    assertThat(jobs.get(3).runtimeMillis()).isEqualTo(3_001);
    assertThat(jobs).allSatisfy(j -> {
      assertThat(j.submitMillis()).isZero();
      assertThat(j.spec().job()).isEqualTo("tiny");
    });
    assertThat(w.workload().format()).isEqualTo(WorkloadFormat.WFFORMAT);
  }

  @Test
  void aTaskRecordedAtZeroSecondsIsEstimatedAtOneMillisecondBecauseZeroMeansUnknown() throws IOException {
    SimJob right = new WfFormatReader().read(write("tiny.json", V15)).workload().jobs().get(2);

    assertThat(right.runtimeMillis()).isZero();
    assertThat(right.spec().estimateMillis()).isEqualTo(1);
  }

  @Test
  void keepsTheRecordedMakespanAndMachinesAsACluster() throws IOException {
    WfInstance w = new WfFormatReader().read(write("tiny.json", V15));

    assertThat(w.recordedMakespanSeconds()).hasValue(42.5);
    assertThat(w.machines()).containsExactly(new WfMachine("m1", 8, 17179869184.0), new WfMachine("m2", 4, 0));
    List<Node> nodes = w.recordedCluster().orElseThrow().nodes();
    assertThat(nodes).extracting(Node::id).containsExactly("m1", "m2");
    assertThat(nodes.get(0).capacity().cpuMillis()).isEqualTo(8_000);
    assertThat(nodes.get(0).capacity().memoryMiB()).isEqualTo(16_384);
    assertThat(w.recordedCluster().orElseThrow().describe()).isEqualTo("2 nodes, 12 CPUs");
  }

  @Test
  void readsThe14LayoutWhereTasksAreKnownByNameAndMayBeReferencedByTheirId() throws IOException {
    WfInstance w = new WfFormatReader().read(write("old.json", V14));

    List<SimJob> jobs = w.workload().jobs();
    assertThat(jobs).extracting(SimJob::id).containsExactly("fetch_ID01", "sum_ID02", "report_ID03");
    assertThat(dependencies(jobs)).containsEntry("sum_ID02", List.of("fetch_ID01"))
        .containsEntry("report_ID03", List.of("sum_ID02", "fetch_ID01"));
    assertThat(jobs.get(0).spec().resources().cpuMillis()).isEqualTo(4_000);
    assertThat(w.recordedMakespanSeconds()).hasValue(20.0);
    assertThat(w.recordedCluster().orElseThrow().describe()).isEqualTo("1 node, 16 CPUs");
    assertThat(w.schemaVersion()).isEqualTo("1.4");
  }

  @Test
  void anInstanceWithoutMachineCoreCountsHasNoRecordedCluster() throws IOException {
    WfInstance w = new WfFormatReader().read(write("tiny.json", V15.replace("\"cpu\": {\"coreCount\": 4}", "\"cpu\": {}")));

    assertThat(w.recordedCluster()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a missing run time names the field and the line of its task"
          + "| \"runtimeInSeconds\": 10, | | 19: /workflow/execution/tasks/1/runtimeInSeconds: is missing",
      "a run time that is not a number"
          + "| \"runtimeInSeconds\": 10, | \"runtimeInSeconds\": \"ten\", "
          + "| 19: /workflow/execution/tasks/1/runtimeInSeconds: expected a number, got the string \"ten\"",
      "a negative run time"
          + "| \"runtimeInSeconds\": 1.25 | \"runtimeInSeconds\": -1 "
          + "| 18: /workflow/execution/tasks/0/runtimeInSeconds: expected a number of at least 0, got -1",
      "a parent that is no task"
          + "| \"parents\": [\"left\"] | \"parents\": [\"lfet\"] "
          + "| 10: /workflow/specification/tasks/3/parents/0: unknown task 'lfet'",
      "a zero core count"
          + "| \"coreCount\": 2 | \"coreCount\": 0 "
          + "| 19: /workflow/execution/tasks/1/coreCount: expected a positive number of cores, got 0",
      "an unsupported schema version"
          + "| \"1.5\" | \"1.3\" "
          + "| 3: /schemaVersion: schema version '1.3' is not supported (1.4, 1.5 or 1.6; "
          + "WfCommons' wfcommons-migrate-instance.py upgrades older files)",
      "a task without an execution record"
          + "| {\"id\": \"join\", \"runtimeInSeconds\": 3.0005} | {\"id\": \"jion\", \"runtimeInSeconds\": 3.0005} "
          + "| 10: /workflow/specification/tasks/3: task 'join' has no entry in /workflow/execution/tasks, so no run time",
      "a duplicate task id"
          + "| \"id\": \"right\", \"parents\" | \"id\": \"left\", \"parents\" "
          + "| 9: /workflow/specification/tasks/2: task id 'left' appears twice (first at /workflow/specification/tasks/1)",
      "a dependency cycle"
          + "| \"parents\": [], \"children\": [\"left\", \"right\"] | \"parents\": [\"join\"], \"children\": [\"left\", \"right\"] "
          + "| 7: /workflow/specification/tasks/0: dependency cycle split -> left -> join -> split",
      "tasks that are not an array"
          + "| \"tasks\": [ | \"tasks\": \"none\", \"x\": [ "
          + "| 6: /workflow/specification/tasks: expected an array, got the string \"none\""})
  void aBadInstanceIsReportedWithFileLineAndJsonPointer(String what, String from, String to, String expected)
      throws IOException {
    String text = V15.replaceFirst(Pattern.quote(from.strip()), Matcher.quoteReplacement(to == null ? "" : to.strip()));
    assertThat(text).as("the case edits the sample").isNotEqualTo(V15);
    Path file = write("bad.json", text);

    assertThatThrownBy(() -> new WfFormatReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessage(file + ":" + expected);
  }

  @Test
  void aTruncatedFileIsReportedWithTheLineAndColumnWhereTheJsonEnds() throws IOException {
    Path file = write("cut.json", V15.substring(0, V15.indexOf("\"machines\"")));

    assertThatThrownBy(() -> new WfFormatReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessageStartingWith(file + ":23:7: ").hasMessageContaining("invalid JSON: Unexpected end-of-input");
  }

  @Test
  void aFileThatIsNotAnObjectOrDoesNotExistSaysSo() throws IOException {
    Path array = write("list.json", "[1, 2]");

    assertThatThrownBy(() -> new WfFormatReader().read(array))
        .hasMessage(array + ":1: /: expected a WfFormat JSON object, got an array");
    assertThatThrownBy(() -> new WfFormatReader().read(dir.resolve("absent.json")))
        .hasMessage(dir.resolve("absent.json") + ": no such file");
  }

  @Test
  void readsEveryInstanceOfTheSharedData() throws IOException {
    Path folder = SharedData.file("wfinstances");
    Assumptions.assumeTrue(Files.isDirectory(folder), "wfinstances absent (shared data not present): " + folder);
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }

    Map<String, Integer> tasks = files.stream().collect(Collectors.toMap(f -> f.getFileName().toString(),
        f -> new WfFormatReader().read(f).workload().jobs().size()));

    assertThat(tasks).hasSize(17).containsEntry("blast-chameleon-small-001.json", 43)
        .containsEntry("seismology-chameleon-500p-001.json", 501).containsEntry("rnaseq-dirt02-001.json", 197);
    WfInstance blast = new WfFormatReader().read(folder.resolve("blast-chameleon-small-001.json"));
    assertThat(blast.recordedMakespanSeconds()).hasValue(1279.3);
    assertThat(blast.recordedCluster().orElseThrow().describe()).isEqualTo("2 nodes, 48 CPUs");
  }

  private static Map<String, List<String>> dependencies(List<SimJob> jobs) {
    return jobs.stream().collect(Collectors.toMap(SimJob::id, j -> j.spec().dependsOn()));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
