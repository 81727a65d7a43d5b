package dev.weft.sim.rlscheduler;

import dev.weft.sim.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/** The three traces of the published table, read once per test run; a test skips when the shared data is absent. */
final class ProtocolTraces {
  static final Map<String, String> FILES = Map.of(
      "Lublin-1", "lublin_256.swf",
      "SDSC-SP2", "SDSC-SP2-1998-4.2-cln.swf.gz",
      "Lublin-2", "lublin_256_new2.swf");
  private static final Map<String, ProtocolTrace> READ = new ConcurrentHashMap<>();

  private ProtocolTraces() {}

  /** The trace the table calls {@code name}; skips the calling test when the file is absent. */
  static ProtocolTrace named(String name) {
    Path file = SharedData.file("swf/" + FILES.get(name));
    Assumptions.assumeTrue(Files.isRegularFile(file), "shared trace absent, skipping: " + file);
    return READ.computeIfAbsent(name, k -> ProtocolTrace.read(file));
  }

  /** The table file with the per-sequence values; skips when absent. */
  static Path table() {
    Path file = SharedData.file("swf/RLSCHEDULER-TABLE.md");
    Assumptions.assumeTrue(Files.isRegularFile(file), "shared table absent, skipping: " + file);
    return file;
  }
}
