package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft run} with secrets, sub-workflows, timeouts, unsupported runtimes and schedules. */
class RunFeaturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = "document: { dsl: '1.0.0', namespace: test, name: %s, version: '1.0.0' }\n";

  @TempDir
  Path dir;

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("weft").toAbsolutePath();
  }

  private String write(String name, String body) throws Exception {
    return Files.writeString(dir.resolve(name + ".yaml"), HEAD.formatted(name) + body).toString();
  }

  @Test
  void secretsComeFromTheSecretsFile() throws Exception {
    String wf = write("secretive", "use: { secrets: [apiKey] }\ndo:\n  - s:\n      set: { len: '${ $secrets.apiKey | length }' }\n");
    Path secrets = Files.writeString(dir.resolve("secrets.yaml"), "apiKey: abcdef\n");
    WeftRun r = WeftRun.of("run", wf, "--secrets", secrets.toString(), "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).path("len").asInt()).isEqualTo(6);
  }

  @Test
  void aDeclaredSecretNobodyGivesIsAUsageError() throws Exception {
    String wf = write("secretive", "use: { secrets: [zzUnsetSecret] }\ndo:\n  - s:\n      set: { k: '${ $secrets.zzUnsetSecret }' }\n");
    WeftRun r = WeftRun.of("run", wf, "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("secret 'zzUnsetSecret'").contains("WEFT_SECRET_ZZUNSETSECRET");
  }

  @Test
  void runWorkflowStartsADefinedChild() throws Exception {
    String child = write("child", "do:\n  - d:\n      set: { doubled: '${ .y * 2 }' }\n");
    String parent = write("parent", "do:\n  - c:\n      run: { workflow: { namespace: test, name: child, version: '1.0.0', input: { y: 4 } } }\n");
    WeftRun r = WeftRun.of("run", parent, "--define", child, "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree("{\"doubled\": 8}"));
  }

  @Test
  void anInvalidDefinedDocumentIsReportedWithItsFile() throws Exception {
    String child = write("child", "do:\n  - d:\n      wait: P1Y\n");
    String parent = write("parent", "do:\n  - c:\n      set: { a: 1 }\n");
    WeftRun r = WeftRun.of("run", parent, "--define", child, "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith(child + ":4 /do/0/d/wait: ");
  }

  @Test
  void aContainerFailsAsNotSupported() throws Exception {
    String wf = write("boxed", "do:\n  - box:\n      run: { container: { image: 'alpine:3' } }\n");
    WeftRun r = WeftRun.of("run", wf, "--db", db());
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode error = JSON.readTree(r.err());
    assertThat(error.path("status").asInt()).isEqualTo(501);
    assertThat(error.path("detail").asText()).contains("no container runtime configured");
  }

  @Test
  void aTimeoutEndsALongWait() throws Exception {
    String wf = write("slow", "do:\n  - pause:\n      wait: PT1H\n      timeout: { after: PT0.1S }\n");
    WeftRun r = WeftRun.of("run", wf, "--db", db());
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode error = JSON.readTree(r.err());
    assertThat(error.path("type").asText()).isEqualTo("https://serverlessworkflow.io/spec/1.0.0/errors/timeout");
    assertThat(error.path("instance").asText()).isEqualTo("/do/0/pause");
  }

  @Test
  void aScheduledDocumentRunsOnceWithANote() throws Exception {
    String wf = write("hourly", "schedule: { cron: '0 * * * *' }\ndo:\n  - s:\n      set: { ok: true }\n");
    WeftRun r = WeftRun.of("run", wf, "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("'schedule' is not applied by weft run");
  }

  @Test
  void aDocumentStartedByEventsIsRefusedWithoutEventsAndRunsOnceOnTheEventsGiven() throws Exception {
    String wf = write("onorder", "schedule:\n  on:\n    one:\n      with: { type: order.placed }\n"
        + "do:\n  - s:\n      set: { order: '${ .[0].data.order }' }\n");
    WeftRun refused = WeftRun.of("run", wf, "--db", db());
    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
    assertThat(refused.err()).contains("/schedule/on").contains("no events to listen to").doesNotContain("Exception");
    WeftRun given = WeftRun.of("run", wf, "--db", db(), "--input", "[{\"type\": \"order.placed\", \"data\": {\"order\": 7}}]");
    assertThat(given.exitCode()).as(given.err()).isZero();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(given.out()).path("order").asInt()).isEqualTo(7);
  }
}
