package dev.weft.agent.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/** Reading and writing the small text files of a cgroup directory, with errors that name the file. */
final class CgroupFiles {
  private CgroupFiles() {}

  static void write(Path file, String value) {
    try {
      Files.writeString(file, value);
    } catch (IOException e) {
      throw new CgroupException("cannot write '" + value + "' to " + file + ": " + e.getMessage(), e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CgroupException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The value of {@code key} in a flat-keyed file like memory.events ("oom_kill 2"), if present. */
  static OptionalLong keyed(Path file, String key) {
    if (!Files.exists(file)) {
      return OptionalLong.empty();
    }
    return read(file).lines().map(l -> l.split("\\s+")).filter(p -> p.length == 2 && p[0].equals(key))
        .mapToLong(p -> Long.parseLong(p[1])).findFirst();
  }

  /** The pids listed in a cgroup.procs file; empty when the group is already gone. */
  static Set<Long> pids(Path procs) {
    try {
      Set<Long> out = new HashSet<>();
      Files.readAllLines(procs).stream().filter(l -> !l.isBlank()).forEach(l -> out.add(Long.parseLong(l.trim())));
      return out;
    } catch (NoSuchFileException e) {
      return Set.of();
    } catch (IOException e) {
      // ENODEV: the group was removed while we read it (the task ended meanwhile)
      if (!Files.exists(procs) || String.valueOf(e.getMessage()).contains("No such device")) {
        return Set.of();
      }
      throw new UncheckedIOException("cannot read " + procs, e);
    }
  }

  static void mkdir(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CgroupException("cannot create cgroup " + dir + ": " + e.getMessage(), e);
    }
  }

  static void rmdir(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new CgroupException("cannot remove cgroup " + dir + " (still has processes?): " + e.getMessage(), e);
    }
  }

  /** A task id made safe as a directory name. */
  static String dirName(String taskId) {
    String safe = taskId.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.startsWith(".") ? "_" + safe : safe;
  }
}
