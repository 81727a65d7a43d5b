package dev.weft.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.WeftRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's usage errors, in process; the whole demo runs in {@link DemoEndToEndTest}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemoCommandTest {
  @TempDir
  Path dir;

  @Test
  void a_port_out_of_range_is_a_usage_error() {
    WeftRun r = WeftRun.of("demo", "--once", "--port", "70000");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("weft: --port must be 0-65535, got 70000\n");
  }

  @Test
  void a_data_directory_that_already_holds_files_is_refused_before_anything_starts() throws IOException {
    Files.writeString(dir.resolve("weft.mv.db"), "an earlier run");
    WeftRun r = WeftRun.of("demo", "--once", "--data", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("weft: --data: " + dir + " is not a new or empty directory (the demo starts from nothing)\n");
    assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals("weft.mv.db"));
  }

  @Test
  void the_simulated_demo_replays_the_scenario_through_the_planner() {
    WeftRun r = WeftRun.of("demo", "--simulated");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Weft scheduling demo (simulated): 7 nodes");
  }
}
