package dev.weft.sim.rlscheduler;

import dev.weft.sim.workload.WorkloadException;
import dev.weft.sim.workload.WorkloadLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SWF trace read by the RLScheduler protocol's rules, which differ from {@code SwfReader}'s:
 * processors = max(field 5, field 8); requested time = field 9, or the raw run time when field 9
 * is -1; then a run time below 0 becomes 10 s and jobs with run time 0 are dropped; the rest are
 * sorted by job id and only the first {@link #KEPT_JOBS} kept (the paper's slice of SDSC-SP2; the
 * Lublin traces have exactly that many). Plain or gzip, read line by line.
 *
 * @param dropped jobs dropped for a run time of 0
 */
public record ProtocolTrace(String source, ProtocolMachine machine, List<ProtocolJob> jobs, int dropped) {
  /** How many jobs of the filtered, sorted trace the protocol uses. */
  public static final int KEPT_JOBS = 10_000;
  private static final int FIELDS = 18;
  private static final Pattern HEADER = Pattern.compile("^;\\s*(MaxProcs|MaxNodes)\\s*:\\s*(\\d+)");

  public ProtocolTrace {
    jobs = List.copyOf(jobs);
  }

  /**
   * Reads {@code file}.
   *
   * @throws WorkloadException naming the file (and line) when it cannot be read, a line is not 18
   *     whole numbers, the header declares no machine size, or a job needs more than the machine
   */
  public static ProtocolTrace read(Path file) {
    List<ProtocolJob> jobs = new ArrayList<>();
    long[] declared = {0, 0}; // MaxProcs, MaxNodes
    int[] dropped = {0};
    WorkloadLines.forEach(file, (line, number) -> {
      String trimmed = line.strip();
      if (trimmed.startsWith(";")) {
        Matcher m = HEADER.matcher(trimmed);
        if (m.find()) {
          declared[m.group(1).equals("MaxProcs") ? 0 : 1] = Long.parseLong(m.group(2));
        }
      } else if (!trimmed.isEmpty()) {
        ProtocolJob job = job(file, number, trimmed.split("\\s+"));
        if (job == null) {
          dropped[0]++;
        } else {
          jobs.add(job);
        }
      }
    });
    ProtocolMachine machine = machine(file, declared[0], declared[1]);
    jobs.sort(Comparator.comparingLong(ProtocolJob::id));
    List<ProtocolJob> kept = jobs.subList(0, Math.min(jobs.size(), KEPT_JOBS));
    for (ProtocolJob j : kept) {
      if (machine.nodesFor(j.processors()) > machine.nodes() || j.processors() < 1) {
        throw new WorkloadException(file + ": job " + j.id() + " asks " + j.processors() + " processors; the machine has "
            + machine.processors());
      }
    }
    return new ProtocolTrace(file.toString(), machine, kept, dropped[0]);
  }

  /** The job of one line, or null when its run time is 0. */
  private static ProtocolJob job(Path file, int number, String[] f) {
    if (f.length != FIELDS) {
      throw WorkloadException.at(file, number, "expected " + FIELDS + " fields, got " + f.length);
    }
    long runtime = whole(file, number, f, 4);
    long requested = whole(file, number, f, 9);
    if (requested == -1) {
      requested = runtime;
    }
    if (runtime < 0) {
      runtime = 10;
    }
    if (runtime == 0) {
      return null;
    }
    int processors = (int) Math.max(whole(file, number, f, 5), whole(file, number, f, 8));
    return new ProtocolJob(whole(file, number, f, 1), whole(file, number, f, 2), runtime, requested, processors,
        (int) whole(file, number, f, 12));
  }

  private static long whole(Path file, int number, String[] f, int field) {
    try {
      return Long.parseLong(f[field - 1]);
    } catch (NumberFormatException e) {
      throw WorkloadException.at(file, number, "field " + field + ": expected a whole number, got \"" + f[field - 1] + "\"");
    }
  }

  /** {@code MaxNodes} nodes of {@code MaxProcs / MaxNodes} processors; either alone means one processor per node. */
  private static ProtocolMachine machine(Path file, long maxProcs, long maxNodes) {
    if (maxProcs <= 0 && maxNodes <= 0) {
      throw new WorkloadException(file + ": the header declares neither MaxNodes nor MaxProcs; the protocol needs the machine size");
    }
    long nodes = maxNodes > 0 ? maxNodes : maxProcs;
    long procs = maxProcs > 0 ? maxProcs : maxNodes;
    return new ProtocolMachine((int) nodes, (double) procs / nodes);
  }
}
