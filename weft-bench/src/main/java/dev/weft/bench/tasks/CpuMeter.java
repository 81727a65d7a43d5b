package dev.weft.bench.tasks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CPU an engine's measured batch cost: this JVM's (every thread of it: the engine, the
 * benchmark's own submitting and counting, the JIT compilers, the garbage collector) and, when
 * the database runs on this machine, PostgreSQL's (every process named {@code postgres}: the
 * engine's sessions and the server's own background work, from {@code /proc/PID/stat}). The
 * engines run one after another, so each batch's figures are its own. A PostgreSQL process that
 * ends inside the batch is not counted (the engines keep their connection pools open throughout);
 * one that starts inside it is counted from zero.
 */
final class CpuMeter {
  /** Linux's USER_HZ, the unit of /proc's times (100 on every mainstream kernel build). */
  static final int TICKS_PER_SECOND = 100;
  private static final Path PROC = Path.of("/proc");
  private static final Set<String> LOCAL = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  /** What was read at one moment: this JVM's CPU time, and each local PostgreSQL process's ticks (empty: not read). */
  record Reading(long jvmNanos, Map<Long, Long> postgresTicks, boolean postgresRead) {}

  /**
   * CPU used between two readings, in seconds; {@code postgresSeconds} is null when it could not be
   * read ({@code why} says why).
   */
  record Used(double jvmSeconds, Double postgresSeconds, String why) {
    /** Microseconds per task of each, for {@code tasks} tasks. */
    double jvmMicrosPerTask(int tasks) {
      return jvmSeconds * 1e6 / tasks;
    }

    Double postgresMicrosPerTask(int tasks) {
      return postgresSeconds == null ? null : postgresSeconds * 1e6 / tasks;
    }
  }

  private final boolean localDatabase;

  /** @param databaseUrl the engines' JDBC URL: PostgreSQL's CPU is read only when its host is this machine */
  CpuMeter(String databaseUrl) {
    this.localDatabase = isLocal(databaseUrl);
  }

  static boolean isLocal(String jdbcUrl) {
    try {
      String host = URI.create(jdbcUrl.substring("jdbc:".length())).getHost();
      return host != null && LOCAL.contains(host);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return false;
    }
  }

  Reading read() {
    long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    if (!localDatabase || !Files.isDirectory(PROC)) {
      return new Reading(jvm, Map.of(), false);
    }
    Map<Long, Long> ticks = new HashMap<>();
    try (Stream<Path> pids = Files.list(PROC)) {
      pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
        try {
          Long t = postgresTicks(Files.readString(p.resolve("stat")));
          if (t != null) {
            ticks.put(Long.parseLong(p.getFileName().toString()), t);
          }
        } catch (IOException | RuntimeException e) {
          // the process ended while listed: not counted
        }
      });
    } catch (IOException e) {
      return new Reading(jvm, Map.of(), false);
    }
    return new Reading(jvm, ticks, true);
  }

  Used between(Reading before, Reading after) {
    double jvm = (after.jvmNanos() - before.jvmNanos()) / 1e9;
    if (!localDatabase) {
      return new Used(jvm, null, "the database is not on this machine");
    }
    if (!before.postgresRead() || !after.postgresRead()) {
      return new Used(jvm, null, "/proc could not be read");
    }
    if (after.postgresTicks().isEmpty()) {
      return new Used(jvm, null, "no postgres process visible in /proc");
    }
    long ticks = 0;
    for (Map.Entry<Long, Long> e : after.postgresTicks().entrySet()) {
      ticks += e.getValue() - before.postgresTicks().getOrDefault(e.getKey(), 0L);
    }
    return new Used(jvm, (double) ticks / TICKS_PER_SECOND, null);
  }

  /**
   * The CPU ticks (user + system) of a {@code /proc/PID/stat} line if its process is PostgreSQL's,
   * else null. The name in parentheses may itself hold spaces and parentheses: fields are counted
   * from the last ')'.
   */
  static Long postgresTicks(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return null;
    }
    if (!stat.substring(open + 1, close).startsWith("postgres")) {
      return null;
    }
    String[] rest = stat.substring(close + 2).trim().split("\\s+");
    return Long.parseLong(rest[11]) + Long.parseLong(rest[12]); // utime, stime: fields 14 and 15 of the line
  }
}
