package dev.weft.agent.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CgroupMountsTest {
  @Test
  void a_hybrid_host_has_v1_controllers_and_an_empty_unified_tree() {
    String mountinfo = """
        31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
        35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
        40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
        41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        """;
    String self = """
        9:name=systemd:/
        6:freezer:/
        4:memory:/process_api/abc
        1:cpu:/
        0::/
        """;
    CgroupMounts m = CgroupMounts.parse(mountinfo, self);
    assertThat(m.unified()).contains(Path.of("/sys/fs/cgroup/unified"));
    assertThat(m.v1()).containsEntry("memory", Path.of("/sys/fs/cgroup/memory/process_api/abc"))
        .containsEntry("cpu", Path.of("/sys/fs/cgroup/cpu")).containsEntry("freezer", Path.of("/sys/fs/cgroup/freezer"))
        .doesNotContainKey("name=systemd");
  }

  @Test
  void a_pure_v2_host_places_the_process_inside_the_unified_tree() {
    CgroupMounts m = CgroupMounts.parse(
        "30 24 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot\n",
        "0::/system.slice/weft-agent.service\n");
    assertThat(m.unified()).contains(Path.of("/sys/fs/cgroup/system.slice/weft-agent.service"));
    assertThat(m.v1()).isEmpty();
  }

  @Test
  void a_mount_of_a_subtree_is_resolved_relative_to_its_root() {
    CgroupMounts m = CgroupMounts.parse(
        "30 24 0:26 /kubepods/pod1 /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n", "0::/kubepods/pod1/c1\n");
    assertThat(m.unified()).contains(Path.of("/sys/fs/cgroup/c1"));
  }
}
