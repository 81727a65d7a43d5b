package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft run} with an input schema given as a {@code file:} resource, and with definitions it must refuse (exit 2). */
class RunExternalSchemaTest {
  @TempDir
  Path dir;

  private Path workflow(String schemaUri) throws Exception {
    return Files.writeString(dir.resolve("order.yaml"), """
        document: { dsl: '1.0.0', namespace: test, name: order, version: '1.0.0' }
        input:
          schema:
            resource:
              endpoint: '%s'
        do:
          - take:
              set: { id: '${ .id }' }
        """.formatted(schemaUri));
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("weft").toAbsolutePath();
  }

  @Test
  void anInputBreakingTheFetchedSchemaFailsTheRunAndAGoodOneCompletes() throws Exception {
    Path schema = Files.writeString(dir.resolve("order.schema.json"), "{\"type\": \"object\", \"required\": [\"id\"]}");
    Path wf = workflow(schema.toUri().toString());
    WeftRun bad = WeftRun.of("run", wf.toString(), "--input", "{}", "--db", db());
    assertThat(bad.exitCode()).as(bad.err()).isEqualTo(1);
    assertThat(bad.err()).contains("id");
    WeftRun good = WeftRun.of("run", wf.toString(), "--input", "{\"id\": 3}", "--db", db());
    assertThat(good.exitCode()).as(good.err()).isZero();
    assertThat(good.out()).contains("3");
  }

  @Test
  void anUnreadableSchemaIsBadInputNamingFileLineAndPointer() throws Exception {
    Path wf = workflow(dir.resolve("absent.json").toUri().toString());
    WeftRun r = WeftRun.of("run", wf.toString(), "--input", "{}", "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(wf + ":5 /input/schema/resource/endpoint: the external schema").contains("cannot read");
  }

  @Test
  void anOAuth2PolicyWithoutGrantIsBadInputNamingItsPointer() throws Exception {
    Path wf = Files.writeString(dir.resolve("auth.yaml"), """
        document: { dsl: '1.0.0', namespace: test, name: auth, version: '1.0.0' }
        do:
          - get:
              call: http
              with:
                method: get
                endpoint:
                  uri: https://api.example.com/x
                  authentication:
                    oauth2: { authority: 'https://id.example.com', client: { id: app, secret: s } }
        """);
    WeftRun r = WeftRun.of("run", wf.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(wf + ":10 /do/0/get/with/endpoint/authentication/oauth2: oauth2 needs 'grant'");
  }

  @Test
  void anUnreadableSchemaInADefinedDocumentNamesThatFile() throws Exception {
    Path main = Files.writeString(dir.resolve("main.yaml"), """
        document: { dsl: '1.0.0', namespace: test, name: main, version: '1.0.0' }
        do:
          - s:
              set: { ok: true }
        """);
    Path child = workflow(dir.resolve("absent.json").toUri().toString());
    WeftRun r = WeftRun.of("run", main.toString(), "--define", child.toString(), "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(child + ":5 /input/schema/resource/endpoint");
  }
}
