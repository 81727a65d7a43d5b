package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft conformance}: the CTK of ../shared passes 21 of 21; exit codes 0, 1 and 2. */
class ConformanceCommandTest {
  private static final Path CTK = Path.of(System.getProperty("weft.shared", "../shared"),
      "spec/serverless-workflow-1.0.3/ctk/features");

  @TempDir
  Path dir;

  @Test
  void theCtkPassesEveryScenario() {
    assumeTrue(Files.isDirectory(CTK), "CTK features not found at " + CTK + "; skipping");
    WeftRun r = WeftRun.of("conformance", CTK.toString());
    List<String> lines = r.out().lines().toList();
    assertThat(lines).as(r.out() + r.err()).filteredOn(l -> l.startsWith("FAIL ")).isEmpty();
    assertThat(lines).filteredOn(l -> l.startsWith("PASS ")).hasSize(21)
        .contains("PASS try.feature: Try Handle Caught Error", "PASS call.feature: Call OpenAPI With Response Output");
    assertThat(lines.getLast()).isEqualTo("21 passed, 0 failed");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).doesNotContain("Exception").doesNotContain("cucumber");
  }

  @Test
  void aFailingScenarioIsReportedWithItsReasonAndExitsOne() throws Exception {
    Files.writeString(dir.resolve("own.feature"), """
        Feature: Own
          Scenario: Set gives the wrong value
            Given a workflow with definition:
            \"\"\"yaml
            document: { dsl: '1.0.0', namespace: test, name: own, version: '1.0.0' }
            do:
              - setIt:
                  set:
                    x: 1
            \"\"\"
            When the workflow is executed
            Then the workflow should complete with output:
            \"\"\"yaml
            x: 2
            \"\"\"
          Scenario: A step nobody defined
            Given a workflow with definition:
            \"\"\"yaml
            document: { dsl: '1.0.0', namespace: test, name: own2, version: '1.0.0' }
            do:
              - setIt:
                  set:
                    x: 1
            \"\"\"
            When the workflow is executed
            Then setIt should dance
        """);
    WeftRun r = WeftRun.of("conformance", dir.toString());
    assertThat(r.out().lines().toList()).containsExactly(
        "FAIL own.feature: Set gives the wrong value -- 'the workflow should complete with output:': expected output {\"x\":2}, got {\"x\":1}",
        "FAIL own.feature: A step nobody defined -- no step definition for 'setIt should dance'",
        "0 passed, 2 failed");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void aDirectoryWithoutFeaturesIsBadInput() {
    WeftRun empty = WeftRun.of("conformance", dir.toString());
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("holds no .feature files");
    WeftRun missing = WeftRun.of("conformance", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a directory");
  }
}
