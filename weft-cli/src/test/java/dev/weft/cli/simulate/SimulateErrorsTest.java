package dev.weft.cli.simulate;

import static dev.weft.cli.WeftRun.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.WeftRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mistake a user can make is one line on stderr, exit code 2, no stack trace and nothing on stdout. */
class SimulateErrorsTest {
  static Stream<Arguments> mistakes() {
    String csv = workload("fcfs-long-first.csv");
    return Stream.of(
        Arguments.of("a missing workload file", List.of("--workload", "no/such.csv", "--cluster", "cpus=1"),
            "no/such.csv: no such file"),
        Arguments.of("a malformed workload names file, line and column",
            List.of("--workload", workload("bad-runtime.csv"), "--cluster", "cpus=1"),
            "bad-runtime.csv:3: column 'runtime': expected a number of seconds, got \"ten\""),
        Arguments.of("an unknown policy", List.of("--workload", csv, "--cluster", "cpus=1", "--policy", "lifo"),
            "unknown policy 'lifo'"),
        Arguments.of("an unknown backfill", List.of("--workload", csv, "--cluster", "cpus=1", "--backfill", "greedy"),
            "'greedy' is not one of none, easy, conservative, easy++"),
        Arguments.of("an impossible cluster", List.of("--workload", csv, "--cluster", "cpus=0"),
            "key 'cpus' must be a positive number"),
        Arguments.of("an unknown cluster key", List.of("--workload", csv, "--cluster", "cpus=2,racks=x,colour=red"),
            "unknown key 'colour'"),
        Arguments.of("a CSV workload without a cluster", List.of("--workload", csv), "a CSV workload needs --cluster"),
        Arguments.of("an unknown extension without --format",
            List.of("--workload", workload("tiny.pyss"), "--cluster", "cpus=1"), "cannot tell the format"),
        Arguments.of("an unknown format", List.of("--workload", csv, "--format", "xml"), "unknown workload format 'xml'"),
        Arguments.of("an unknown option", List.of("--workload", csv, "--cluster", "cpus=1", "--turbo"), "--turbo"),
        Arguments.of("no workload at all", List.of(), "Missing required option: '--workload=FILE'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void isOneLineOnStderrWithExitCodeTwo(String mistake, List<String> options, String expected) {
    List<String> args = new ArrayList<>(List.of("simulate"));
    args.addAll(options);

    WeftRun run = WeftRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().startsWith("weft: ").contains(expected);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }
}
