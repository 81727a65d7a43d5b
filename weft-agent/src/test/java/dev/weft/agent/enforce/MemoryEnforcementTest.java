package dev.weft.agent.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.agent.exec.Rig;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskOutcome;
import dev.weft.agent.exec.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must show 2: a task that asks for 256 MiB and allocates 1 GiB is killed and reported as out of
 * memory. Each test prints and asserts the mechanism it checked; a mechanism the host lacks is
 * skipped with the reason.
 */
class MemoryEnforcementTest {
  /** Allocates and touches 1 GiB: bytes filled with 'x', so every page is really used. */
  static final String ALLOCATE_1_GIB = "b = b'x' * (1 << 30); print(len(b))";
  static final String ALLOCATE_100_MIB = "b = b'x' * (100 << 20); print(len(b))";

  @TempDir
  Path tmp;

  @Test
  void a_task_over_its_memory_request_is_killed_by_the_best_cgroup_mechanism() throws Exception {
    Confiner best = Rig.bestConfiner();
    Enforcement e = best.enforcement();
    System.out.println("checked mechanism: " + e.summary());
    e.notUsed().forEach(r -> System.out.println("  not used: " + r));
    assumeTrue(e.kind() == EnforcementKind.CGROUP_V2 || e.kind() == EnforcementKind.CGROUP_V1,
        "no writable cgroup memory controller on this host: " + String.join("; ", e.notUsed()));
    assertThat(e.memory()).isTrue();

    TaskOutcome o = allocate(best, ALLOCATE_1_GIB, "oom-" + e.kind().label());

    assertThat(o.status()).isEqualTo(TaskStatus.OUT_OF_MEMORY);
    assertThat(o.detail()).contains("OOM killer");
    assertThat(o.exitCode()).isEqualTo(128 + 9); // the kernel's SIGKILL
  }

  @Test
  void under_an_rlimit_the_failed_allocation_is_reported_as_out_of_memory() throws Exception {
    Confiner rlimit = Rig.probe().require(EnforcementKind.RLIMIT);
    System.out.println("checked mechanism: " + rlimit.enforcement().summary());
    assertThat(rlimit.enforcement().kind()).isEqualTo(EnforcementKind.RLIMIT);

    TaskOutcome o = allocate(rlimit, ALLOCATE_1_GIB, "oom-rlimit");

    assertThat(o.status()).isEqualTo(TaskStatus.OUT_OF_MEMORY);
    assertThat(o.detail()).contains("rlimit").contains("MemoryError");
  }

  @Test
  void a_task_within_its_memory_request_succeeds_under_every_available_mechanism() throws Exception {
    for (Confiner c : List.of(Rig.bestConfiner(), Rig.probe().require(EnforcementKind.RLIMIT))) {
      TaskOutcome o = allocate(c, ALLOCATE_100_MIB, "fits-" + c.enforcement().kind().label());
      assertThat(o.status()).as(c.enforcement().summary() + ": " + o.detail()).isEqualTo(TaskStatus.SUCCEEDED);
    }
  }

  private TaskOutcome allocate(Confiner confiner, String program, String name) throws Exception {
    String python = python();
    try (Rig rig = new Rig(Files.createTempDirectory(tmp, name), confiner)) {
      String id = Rig.id(name);
      TaskOutcome o = rig.run(new TaskCommand(id, List.of(python, "-c", program), Map.of(), null, 500, 256,
          null, null));
      System.out.println("  " + name + " -> " + o + (rig.err(id).isBlank() ? "" : " | stderr: "
          + rig.err(id).strip().lines().reduce((a, b) -> b).orElse("")));
      return o;
    }
  }

  private static String python() {
    for (String p : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    assumeTrue(false, "python3 is needed as the 1 GiB allocator and is not installed");
    return null;
  }
}
