package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft run} with {@code run: script} (JavaScript by {@code node}, Python by {@code python3},
 * each skipped with a message where its interpreter is not on the PATH) and {@code stdin} for
 * scripts and shell commands: arguments as argv, environment, stdin from an expression, stdout as
 * the result, a failing script's exit code and stderr, a language Weft does not run refused when
 * the document is read.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunScriptTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = "document: { dsl: '1.0.3', namespace: test, name: %s, version: '1.0.0' }\n";

  @TempDir
  Path dir;

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("weft").toAbsolutePath();
  }

  private String write(String name, String body) throws Exception {
    return Files.writeString(dir.resolve(name + ".yaml"), HEAD.formatted(name) + body).toString();
  }

  private static void needs(String program) {
    boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    assumeTrue(found, program + " is not on the PATH: this test of run: script is skipped");
  }

  @Test
  void a_javascript_step_gets_its_arguments_environment_and_stdin() throws Exception {
    needs("node");
    String wf = write("js", """
        do:
          - sum:
              run:
                script:
                  language: js
                  arguments: [ '${ .who }', 'two words' ]
                  environment: { MOOD: '${ .mood }' }
                  stdin: '${ .numbers | tostring }'
                  code: |
                    const [_, __, who, words] = process.argv;
                    let text = '';
                    process.stdin.on('data', d => text += d);
                    process.stdin.on('end', () => console.log(JSON.stringify(
                      { who, words, mood: process.env.MOOD, sum: JSON.parse(text).reduce((a, b) => a + b, 0) })));
              output: { as: '${ fromjson }' }
        """);
    WeftRun r = WeftRun.of("run", wf, "--input", "{\"who\": \"ada\", \"mood\": \"calm\", \"numbers\": [4, 5, 6]}",
        "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()))
        .isEqualTo(JSON.readTree("{\"who\": \"ada\", \"words\": \"two words\", \"mood\": \"calm\", \"sum\": 15}"));
  }

  @Test
  void a_python_step_gets_its_arguments_and_stdin_and_its_code_is_never_an_expression() throws Exception {
    needs("python3");
    String wf = write("py", """
        do:
          - shout:
              run:
                script:
                  language: python
                  arguments: [ '${ .who }' ]
                  stdin: '${ .text }'
                  code: |
                    import sys
                    template = "${ not jq }"
                    print(sys.argv[1] + ": " + sys.stdin.read().upper() + " " + template)
        """);
    WeftRun r = WeftRun.of("run", wf, "--input", "{\"who\": \"ada\", \"text\": \"hello\"}", "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).asText()).isEqualTo("ada: HELLO ${ not jq }\n");
  }

  @Test
  void a_shell_command_reads_its_stdin() throws Exception {
    String wf = write("sh", """
        do:
          - count:
              run:
                shell:
                  command: wc -l
                  stdin: '${ .lines | join("\\n") + "\\n" }'
              output: { as: '${ tonumber }' }
        """);
    WeftRun r = WeftRun.of("run", wf, "--input", "{\"lines\": [\"a\", \"b\", \"c\"]}", "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).asInt()).isEqualTo(3);
  }

  @Test
  void return_says_what_the_step_outputs_and_code_or_all_take_a_failed_exit_as_the_result() throws Exception {
    String wf = write("returns", """
        do:
          - out:
              run: { shell: { command: 'echo out; echo err >&2' }, return: stdout }
              export: { as: '{ out: . }' }
          - err:
              run: { shell: { command: 'echo out; echo err >&2' }, return: stderr }
              export: { as: '$context + { err: . }' }
          - code:
              run: { shell: { command: 'exit 3' }, return: code }
              export: { as: '$context + { code: . }' }
          - all:
              run: { shell: { command: 'echo out; echo err >&2; exit 5' }, return: all }
              export: { as: '$context + { all: . }' }
          - none:
              run: { shell: { command: 'echo ignored' }, return: none }
              export: { as: '$context + { none: . }' }
          - context:
              set: '${ $context }'
        """);
    WeftRun r = WeftRun.of("run", wf, "--db", db());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree("{\"out\": \"out\\n\", \"err\": \"err\\n\", \"code\": 3,"
        + " \"all\": {\"code\": 5, \"stdout\": \"out\\n\", \"stderr\": \"err\\n\"}, \"none\": null}"));
    String fails = write("fails-stderr", "do:\n  - e:\n      run: { shell: { command: 'exit 2' }, return: stderr }\n");
    assertThat(WeftRun.of("run", fails, "--db", db()).exitCode()).as("stderr does not take the exit code").isEqualTo(1);
  }

  @Test
  void a_failing_script_faults_with_its_exit_code_and_stderr() throws Exception {
    needs("python3");
    String wf = write("fails", """
        do:
          - boom:
              run:
                script:
                  language: python
                  code: |
                    import sys
                    sys.stderr.write("no such order\\n")
                    sys.exit(4)
        """);
    WeftRun r = WeftRun.of("run", wf, "--db", db());
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode error = JSON.readTree(r.err());
    assertThat(error.path("instance").asText()).isEqualTo("/do/0/boom");
    assertThat(error.path("detail").asText()).contains("4").contains("no such order");
  }

  @Test
  void a_language_weft_does_not_run_is_refused_with_its_pointer() throws Exception {
    String wf = write("ruby", """
        do:
          - gem:
              run:
                script:
                  language: ruby
                  code: puts 1
        """);
    WeftRun r = WeftRun.of("run", wf, "--db", db());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(wf + ":6 /do/0/gem/run/script/language: Weft runs scripts in js (or javascript),"
        + " python, not 'ruby'");
  }
}
