package dev.weft.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  @Test
  void parses_a_command_name_with_spaces_and_parentheses() {
    String line = "4242 (my (odd) cmd) T 1 4242 4242 0 -1 4194560 97 0 0 0 0 0 0 0 20 0 1 0 987654 2355200 201 "
        + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
    ProcStat s = ProcStat.parse(line);
    assertThat(s.pid()).isEqualTo(4242);
    assertThat(s.state()).isEqualTo('T');
    assertThat(s.ppid()).isEqualTo(1);
    assertThat(s.pgrp()).isEqualTo(4242);
    assertThat(s.session()).isEqualTo(4242);
    assertThat(s.startTicks()).isEqualTo(987654);
    assertThat(s.running()).isTrue();
  }

  @Test
  void a_zombie_is_not_running() {
    ProcStat s = ProcStat.parse("8319 (sleep) Z 1 8318 8318 0 -1 4228108 97 0 1 0 0 0 0 0 20 0 1 0 555 0 0 "
        + "18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0");
    assertThat(s.running()).isFalse();
  }

  @Test
  void reads_this_jvm_from_proc() {
    ProcStat self = ProcessTable.live().stat(ProcessHandle.current().pid()).orElseThrow();
    assertThat(self.running()).isTrue();
    assertThat(self.startTicks()).isPositive();
  }
}
