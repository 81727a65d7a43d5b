package dev.weft.sim.testing;

import java.nio.file.Path;

/** Where the read-only reference data lives: system property {@code weft.shared}, default {@code ../shared}. */
public final class SharedData {
  private SharedData() {}

  public static Path file(String relative) {
    return Path.of(System.getProperty("weft.shared", "../shared")).resolve("data").resolve(relative);
  }
}
