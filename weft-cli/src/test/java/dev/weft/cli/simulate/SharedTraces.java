package dev.weft.cli.simulate;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared SWF traces (system property {@code weft.shared}, default {@code ../shared}); tests skip without them. */
final class SharedTraces {
  private SharedTraces() {}

  static String path(String name) {
    Path file = Path.of(System.getProperty("weft.shared", "../shared")).resolve("data/swf").resolve(name);
    Assumptions.assumeTrue(Files.isRegularFile(file), "shared trace absent, skipping: " + file);
    return file.toString();
  }
}
