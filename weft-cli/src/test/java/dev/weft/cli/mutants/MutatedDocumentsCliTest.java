package dev.weft.cli.mutants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.weft.cli.WeftRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: 240 seeded mutants of three valid documents go through {@code weft run} (in process,
 * output captured). Each must exit 2 with nothing on stdout and, on stderr, one line per problem
 * of the form {@code FILE:LINE POINTER: message}, a problem at or around every place mutated, and
 * no stack trace. A generous bound per document catches hangs (it is not a speed check). A few
 * also run as real child processes.
 */
class MutatedDocumentsCliTest {
  private static final long SEED = 20_261_124L;
  private static final Duration HANG = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void everyMutantExitsTwoWithAPointerAndALineForEachProblem() throws IOException {
    List<Mutant> mutants = Mutants.generate(SEED, 240);
    Map<String, Integer> perKind = new TreeMap<>();
    List<String> wrong = new java.util.ArrayList<>();
    StringBuilder report = new StringBuilder();
    for (Mutant m : mutants) {
      Path file = Files.writeString(dir.resolve("m" + m.number() + ".yaml"), m.text());
      WeftRun r = assertTimeoutPreemptively(HANG, () -> WeftRun.of("run", file.toString(), "--db", db()), m::label);
      try {
        check(m, file, r.exitCode(), r.out(), r.err());
      } catch (AssertionError e) {
        wrong.add(e.getMessage());
      }
      m.kinds().forEach(k -> perKind.merge(k, 1, Integer::sum));
      report.append("## ").append(m.label()).append(" -> exit ").append(r.exitCode()).append('\n')
          .append(r.err().replace(file.toString(), "m" + m.number() + ".yaml")).append('\n');
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "mutants-report.txt"), report);
    assertThat(wrong).as("mutants handled wrongly (%d of %d)", wrong.size(), mutants.size()).isEmpty();
    assertThat(perKind).as("every kind of mutation was tried").hasSize(14);
    System.out.println("mutants per kind: " + perKind);
  }

  @Test
  void aFewMutantsAlsoFailCleanlyAsChildProcesses() throws Exception {
    List<Mutant> mutants = Mutants.generate(SEED + 1, 42);
    for (Mutant m : List.of(mutants.get(4), mutants.get(17), mutants.get(41))) {
      Path file = Files.writeString(dir.resolve("c" + m.number() + ".yaml"), m.text());
      Path out = dir.resolve("c" + m.number() + ".out");
      Path err = dir.resolve("c" + m.number() + ".err");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "dev.weft.cli.WeftCommand", "run", file.toString(), "--db", db())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      boolean ended = p.waitFor(HANG.toSeconds() * 2, TimeUnit.SECONDS);
      if (!ended) {
        p.destroyForcibly();
      }
      assertThat(ended).as("%s ended (a hang detector, not a speed check)", m.label()).isTrue();
      check(m, file, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("weft").toAbsolutePath();
  }

  private static final Pattern LINE = Pattern.compile("^(.+?):(\\d+) (/[^:]*): (.+)$");

  private static void check(Mutant m, Path file, int code, String out, String err) {
    String what = m.label() + "\n" + m.text() + "\nstderr:\n" + err;
    assertThat(code).as(what).isEqualTo(2);
    assertThat(out).as(what).isEmpty();
    assertThat(err).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
    List<String> lines = err.lines().toList();
    assertThat(lines).as(what).isNotEmpty();
    List<String> pointers = new java.util.ArrayList<>();
    for (String line : lines) {
      Matcher x = LINE.matcher(line);
      assertThat(x.matches()).as("'%s' is FILE:LINE POINTER: message\n%s", line, what).isTrue();
      assertThat(x.group(1)).isEqualTo(file.toString());
      assertThat(Integer.parseInt(x.group(2))).as(what).isPositive();
      assertThat(x.group(4)).as(what).isNotBlank();
      pointers.add(x.group(3).equals("/") ? "" : x.group(3));
    }
    for (String place : m.places()) {
      assertThat(pointers).as("a problem at or around %s\n%s", place, what).anyMatch(p -> Mutants.related(p, place));
    }
  }
}
