package dev.weft.agent.host;

import dev.weft.model.Resources;
import java.util.OptionalLong;

/** What a machine offers to tasks: cpu in millicores, memory and disk in MiB. */
public record HostFacts(long cpuMillis, long memoryMiB, long diskMiB) {
  public HostFacts {
    if (cpuMillis < 0 || memoryMiB < 0 || diskMiB < 0) {
      throw new IllegalArgumentException("host facts cannot be negative: cpu=" + cpuMillis + "m memory="
          + memoryMiB + "Mi disk=" + diskMiB + "Mi");
    }
  }

  /** These facts with the given values put in place of the measured ones (an operator's override). */
  public HostFacts overriddenBy(OptionalLong cpu, OptionalLong memory, OptionalLong disk) {
    return new HostFacts(cpu.orElse(cpuMillis), memory.orElse(memoryMiB), disk.orElse(diskMiB));
  }

  public Resources asCapacity() {
    return new Resources(cpuMillis, memoryMiB, diskMiB, 0, null);
  }
}
