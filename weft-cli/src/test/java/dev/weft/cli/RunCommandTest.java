package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft run}: exit codes 0, 1 and 2 with what each prints; databases in a temp dir. */
class RunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String workflow(String name) {
    try {
      return Path.of(Objects.requireNonNull(RunCommandTest.class.getResource("/workflows/" + name), name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("weft").toAbsolutePath();
  }

  @Test
  void completedRunPrintsItsOutput() throws Exception {
    WeftRun r = WeftRun.of("run", workflow("square.yaml"), "--input", "{\"n\": 12}", "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree("{\"squared\":144}"));
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void inputFromAFile() throws Exception {
    Path in = Files.writeString(dir.resolve("in.json"), "{\"n\": 3}");
    WeftRun r = WeftRun.of("run", workflow("square.yaml"), "--input", "@" + in, "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).path("squared").asInt()).isEqualTo(9);
  }

  @Test
  void faultPrintsTheErrorOnStderr() throws Exception {
    WeftRun r = WeftRun.of("run", workflow("raise.yaml"), "--db", db());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    JsonNode error = JSON.readTree(r.err());
    assertThat(error.path("status").asInt()).isEqualTo(500);
    assertThat(error.path("title").asText()).isEqualTo("Boom");
    assertThat(error.path("instance").asText()).isEqualTo("/do/0/boom");
  }

  @Test
  void invalidDocumentPrintsEveryProblem() {
    WeftRun r = WeftRun.of("run", workflow("invalid.yaml"), "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).hasSizeGreaterThanOrEqualTo(2)
        .allMatch(l -> l.matches("^.*invalid\\.yaml:\\d+ /\\S*: .+$"), "each line is 'file:line pointer: message'");
    assertThat(r.err()).contains("/do/0/first/then").contains("/do/1/second");
    assertThat(Files.exists(dir.resolve("weft.mv.db"))).as("no database for an invalid document").isFalse();
  }

  @Test
  void badInputJsonIsAUsageError() {
    WeftRun r = WeftRun.of("run", workflow("square.yaml"), "--input", "{n: ", "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("weft: --input: not valid JSON").doesNotContain("\tat ");
  }

  @Test
  void missingFileIsAUsageError() {
    WeftRun r = WeftRun.of("run", dir.resolve("nope.yaml").toString(), "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("weft: cannot read");
  }

  @Test
  void ctkDocumentRunsWhenTheSharedFolderIsThere() throws Exception {
    String shared = System.getProperty("weft.shared");
    Path set = shared == null ? null : Path.of(shared, "spec/serverless-workflow-1.0.3/ctk/features/set.feature");
    org.junit.jupiter.api.Assumptions.assumeTrue(set != null && Files.exists(set), "weft.shared CTK not present");
    String feature = Files.readString(set);
    int start = feature.indexOf("\"\"\"yaml");
    int end = feature.indexOf("\"\"\"", start + 7);
    org.junit.jupiter.api.Assumptions.assumeTrue(start >= 0 && end > start, "no yaml block in set.feature");
    Path doc = Files.writeString(dir.resolve("ctk-set.yaml"), feature.substring(start + 7, end).stripIndent());
    WeftRun r = WeftRun.of("run", doc.toString(), "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).isObject()).isTrue();
  }
}
