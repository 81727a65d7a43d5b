package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeftCommandTest {
  @Test
  void weftAloneShowsItsUsageAndIsAUsageError() {
    WeftRun run = WeftRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: weft").contains("simulate");
  }

  @Test
  void anUnknownSubcommandIsOneLineAndExitCodeTwo() {
    WeftRun run = WeftRun.of("frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().startsWith("weft: ").contains("frobnicate");
  }

  @Test
  void versionIsPrintedOnStdout() {
    WeftRun run = WeftRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("weft ");
  }
}
