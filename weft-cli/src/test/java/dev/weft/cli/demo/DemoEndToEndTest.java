package dev.weft.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft demo --once} as a user runs it, in a child JVM on the test class path (the demo starts
 * its agents from the same class path): it ends with exit 0 and a summary in which each of the
 * three nodes ran tasks, every task succeeded, the records show at least one preemption and one
 * backfill, and the sum-of-squares workflow over 1..10 completed with 385, its square calls run as
 * tasks on the agents; afterwards no process it started (agents, their tasks) is left and its temporary
 * directory is gone. The processes are found by listing the demo's descendants while it runs.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemoEndToEndTest {
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final Pattern ROW = Pattern.compile("^((?:fill|urgent|wide)/\\S+)\\s.*?(node-[abc]) \\(eu/.*\\s(\\S+)$",
      Pattern.MULTILINE);

  @TempDir
  Path dir;

  @Test
  void the_demo_runs_to_its_summary_shows_preemption_and_backfilling_and_leaves_nothing_behind() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process demo = new ProcessBuilder(java, "-Xmx384m", "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "dev.weft.cli.WeftCommand",
        "demo", "--once").redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    Set<ProcessHandle> started = ConcurrentHashMap.newKeySet();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (demo.isAlive() && System.nanoTime() < deadline) {
      demo.descendants().forEach(started::add);
      demo.waitFor(200, TimeUnit.MILLISECONDS);
    }
    if (demo.isAlive()) {
      demo.descendants().forEach(ProcessHandle::destroyForcibly);
      demo.destroyForcibly();
    }
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    String both = "stdout:\n" + stdout + "\nstderr:\n" + stderr;
    assertThat(demo.exitValue()).as(both).isZero();

    Matcher rows = ROW.matcher(stdout);
    Set<String> nodes = new TreeSet<>();
    Set<String> tasks = new HashSet<>();
    while (rows.find()) {
      tasks.add(rows.group(1));
      nodes.add(rows.group(2));
      assertThat(rows.group(3)).as("state of %s", rows.group(1)).isEqualTo("SUCCEEDED");
    }
    assertThat(tasks).as(both).hasSize(13);
    assertThat(nodes).as("nodes that ran tasks").containsExactly("node-a", "node-b", "node-c");
    assertThat(count(stdout, "Preemptions observed: (\\d+)")).as(both).isPositive();
    assertThat(count(stdout, "Backfills observed: (\\d+)")).as(both).isPositive();
    assertThat(stdout).contains("API: http://127.0.0.1:");
    assertThat(stdout).as(both).containsPattern("Workflow examples/sum-of-squares over 1\\.\\.10 \\(instance \\S+\\): COMPLETED")
        .contains("  output: 385\n")
        .containsPattern("its 10 square calls ran as tasks \\(root\\.prod, priority 60\\): node-[abc] \\(eu/");

    assertThat(started).as("the demo started its agents as child processes").hasSizeGreaterThanOrEqualTo(3);
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    List<String> left = started.stream().filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    assertThat(left).as("processes the demo started that are still running").isEmpty();
    Matcher data = Pattern.compile("H2 under (\\S+)\\)").matcher(stderr);
    assertThat(data.find()).as(stderr).isTrue();
    assertThat(Path.of(data.group(1))).as("the demo's temporary directory").doesNotExist();
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
