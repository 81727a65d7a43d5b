package dev.weft.agent.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.agent.enforce.Confiner;
import dev.weft.agent.enforce.EnforcementProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The limits a real cgroup receives for a task's requests (on whichever cgroup version this host lets us write). */
class TaskCgroupTest {
  @Test
  void cpu_and_memory_requests_become_the_kernel_limits() throws Exception {
    Confiner c = new EnforcementProbe(CgroupMounts.ofThisProcess(), "weft-test").detect();
    System.out.println("checked mechanism: " + c.enforcement().summary());
    String id = "limits-" + UUID.randomUUID();
    switch (c) {
      case Confiner.CgroupV1 v1 -> {
        CgroupV1Group g = CgroupV1Group.create(v1.parents(), id, 1500, 256);
        try {
          Path mem = g.dirsByController().get("memory");
          assertThat(read(mem.resolve("memory.limit_in_bytes"))).isEqualTo(String.valueOf(256L << 20));
          if (Files.exists(mem.resolve("memory.memsw.limit_in_bytes"))) {
            assertThat(read(mem.resolve("memory.memsw.limit_in_bytes"))).isEqualTo(String.valueOf(256L << 20));
          }
          Path cpu = g.dirsByController().get("cpu");
          assumeTrue(cpu != null, "no writable v1 cpu tree");
          assertThat(read(cpu.resolve("cpu.cfs_quota_us"))).isEqualTo("150000");
          assertThat(read(cpu.resolve("cpu.cfs_period_us"))).isEqualTo("100000");
        } finally {
          g.remove();
        }
        assertThat(g.dirs()).allSatisfy(d -> assertThat(d).doesNotExist());
      }
      case Confiner.CgroupV2 v2 -> {
        CgroupV2Group g = CgroupV2Group.create(v2.parent(), id, 1500, 256);
        try {
          assertThat(read(g.dirs().get(0).resolve("memory.max"))).isEqualTo(String.valueOf(256L << 20));
          assertThat(read(g.dirs().get(0).resolve("cpu.max"))).isEqualTo("150000 100000");
        } finally {
          g.remove();
        }
      }
      default -> assumeTrue(false, "no writable cgroups here: " + c.enforcement().notUsed());
    }
  }

  @Test
  void the_v2_cpu_max_line_is_quota_then_period() {
    assertThat(CgroupV2Group.cpuMaxLine(500)).isEqualTo("50000 100000");
    assertThat(CgroupV2Group.cpuMaxLine(2000)).isEqualTo("200000 100000");
  }

  private static String read(Path p) throws Exception {
    return Files.readString(p).trim();
  }
}
