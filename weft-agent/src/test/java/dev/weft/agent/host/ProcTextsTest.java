package dev.weft.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcTextsTest {
  @Test
  void counts_processors() {
    assertThat(ProcTexts.processors("processor\t: 0\nmodel name\t: x\n\nprocessor\t: 1\nmodel name\t: x\n")).isEqualTo(2);
  }

  @Test
  void reads_mem_total_in_mib() {
    assertThat(ProcTexts.memTotalMiB("MemTotal:       24684544 kB\nMemFree: 1 kB\n")).hasValue(24106);
  }

  @Test
  void reads_cgroup_cpu_limits() {
    assertThat(ProcTexts.cpuMaxMillis("max 100000\n")).isEmpty();
    assertThat(ProcTexts.cpuMaxMillis("150000 100000\n")).hasValue(1500);
    assertThat(ProcTexts.quotaMillis(-1, 100000)).isEmpty();
    assertThat(ProcTexts.quotaMillis(50000, 100000)).hasValue(500);
  }

  @Test
  void reads_cgroup_memory_limits() {
    assertThat(ProcTexts.memoryLimitMiB("max\n")).isEmpty();
    assertThat(ProcTexts.memoryLimitMiB("9223372036854771712\n")).isEmpty(); // v1 "no limit"
    assertThat(ProcTexts.memoryLimitMiB("268435456\n")).hasValue(256);
  }

  @Test
  void overrides_replace_only_what_is_given() {
    HostFacts measured = new HostFacts(2000, 24000, 80000);
    assertThat(measured.overriddenBy(OptionalLong.of(1500), OptionalLong.empty(), OptionalLong.of(1024)))
        .isEqualTo(new HostFacts(1500, 24000, 1024));
  }
}
