package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.read.Problem;
import dev.weft.workflow.read.WorkflowValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run.script.source}: the code is read when the definition is stored and written in as {@code code}. */
class ExternalScriptsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = """
      document: { dsl: '1.0.3', namespace: test, name: scripts, version: '0.1.0' }
      use:
        authentications:
          catalogLogin: { basic: { username: weft, password: s3cret } }
      do:
      """;

  @Test
  void scriptsFromAFileAndAnAuthenticatedHttpEndpointAreWrittenInAndRun(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("double.js");
    Files.writeString(file, "console.log(String(Number(process.argv[2]) * 2))\n");
    try (CatalogServer server = new CatalogServer()) {
      server.document("/plain/inc.py", "import sys\nprint(int(sys.argv[1]) + 1)\n");
      String document = HEAD + """
            - double:
                run:
                  script:
                    language: js
                    source: { endpoint: '%s' }
                    arguments: [ '${ .n | tostring }' ]
            - inc:
                run:
                  script:
                    language: python
                    source:
                      endpoint: { uri: '%s/plain/inc.py', authentication: { use: catalogLogin } }
                    arguments: [ '${ . | rtrimstr("\\n") }' ]
            """.formatted(file.toUri(), server.base());
      String stored = new ExternalResources(new HttpCaller(Duration.ofSeconds(5), HostRedirects.NONE)).resolve(document);
      assertThat(stored).startsWith("# Stored by Weft with its external scripts inlined:\n")
          .contains("#   /do/0/double/run/script from " + file.toUri())
          .contains("process.argv[2]").contains("sys.argv[1]").doesNotContain("source:");
      int fetches = server.requests();
      RunResult r = new InMemoryRunner(stored, new FakeClock(0), () -> "s1", Duration.ofSeconds(5))
          .run(JSON.readTree("{\"n\": 20}"));
      assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(r.output().asText().strip()).isEqualTo("41");
      assertThat(server.requests()).as("running reads nothing").isEqualTo(fetches);
    }
  }

  @Test
  void aScriptThatCannotBeReadIsRefusedAtItsSource(@TempDir Path dir) {
    WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class, () ->
        new ExternalResources(new HttpCaller(Duration.ofSeconds(5), HostRedirects.NONE)).resolve(HEAD + """
              - gone:
                  run:
                    script:
                      language: js
                      source: { endpoint: '%s' }
            """.formatted(dir.resolve("missing.js").toUri())));
    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/do/0/gone/run/script/source/endpoint");
    assertThat(e.problems().get(0).message()).contains("missing.js").contains("no such file");
  }
}
