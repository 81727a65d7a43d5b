package dev.weft.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProbeTest {
  @TempDir
  Path tmp;

  @Test
  void measures_this_machine_within_what_proc_and_the_filesystem_say() throws Exception {
    HostFacts f = HostProbe.ofThisMachine(tmp).measure();
    System.out.println("this host: " + f);
    long cpus = ProcTexts.processors(Files.readString(Path.of("/proc/cpuinfo")));
    long memMiB = ProcTexts.memTotalMiB(Files.readString(Path.of("/proc/meminfo"))).getAsLong();
    assertThat(f.cpuMillis()).isPositive().isLessThanOrEqualTo(cpus * 1000);
    assertThat(f.memoryMiB()).isPositive().isLessThanOrEqualTo(memMiB);
    assertThat(f.diskMiB()).isPositive().isLessThanOrEqualTo(tmp.toFile().getTotalSpace() / (1024 * 1024));
  }
}
