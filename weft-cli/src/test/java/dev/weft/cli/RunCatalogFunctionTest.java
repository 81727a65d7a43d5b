package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft run} calling a function of a {@code file:} catalog, and refusing one the catalog does not have (exit 2). */
class RunCatalogFunctionTest {
  @TempDir
  Path dir;

  private Path workflow(String name, String call) throws Exception {
    return Files.writeString(dir.resolve(name + ".yaml"), """
        document: { dsl: '1.0.3', namespace: test, name: %s, version: '1.0.0' }
        use:
          catalogs:
            tools: { endpoint: '%s' }
        do:
          - loud:
              call: %s
              with: { text: '${ .words }' }
        """.formatted(name, dir.resolve("catalog").toUri(), call));
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("weft").toAbsolutePath();
  }

  @Test
  void aShellFunctionOfAFileCatalogRuns() throws Exception {
    Path fn = Files.createDirectories(dir.resolve("catalog/functions/shout/1.0.0")).resolve("function.yaml");
    Files.writeString(fn, """
        run:
          shell:
            command: 'echo "$TEXT" | tr a-z A-Z'
            environment: { TEXT: '${ .text }' }
        """);
    WeftRun r = WeftRun.of("run", workflow("shout", "shout:1.0.0@tools").toString(), "--input", "{\"words\": \"hi there\"}", "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("HI THERE");
  }

  @Test
  void aFunctionTheCatalogDoesNotHaveIsBadInputNamingFileLineAndPointer() throws Exception {
    Path wf = workflow("absent", "absent:1.0.0@tools");
    WeftRun r = WeftRun.of("run", wf.toString(), "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(wf + ":7 /do/0/loud/call: the catalog function absent:1.0.0@tools from file:").contains("cannot read");
    Path main = Files.writeString(dir.resolve("main.yaml"), """
        document: { dsl: '1.0.0', namespace: test, name: main, version: '1.0.0' }
        do:
          - s: { set: { ok: true } }
        """);
    WeftRun defined = WeftRun.of("run", main.toString(), "--define", wf.toString(), "--db", db());
    assertThat(defined.exitCode()).isEqualTo(2);
    assertThat(defined.err()).contains(wf + ":7 /do/0/loud/call");
  }
}
