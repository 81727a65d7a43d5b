package dev.weft.agent.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The processes of this machine, read from {@code /proc}. */
public final class ProcessTable {
  private final Path proc;

  public ProcessTable(Path proc) {
    this.proc = proc;
  }

  public static ProcessTable live() {
    return new ProcessTable(Path.of("/proc"));
  }

  /** The process, if it exists (a zombie exists until reaped). */
  public Optional<ProcStat> stat(long pid) {
    try {
      return Optional.of(ProcStat.parse(Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** True when the process that started at {@code startTicks} still runs (not a zombie, pid not reused). */
  public boolean running(long pid, long startTicks) {
    return stat(pid).filter(s -> s.running() && s.startTicks() == startTicks).isPresent();
  }

  /** The processes of group {@code pgid} that have not exited. */
  public List<ProcStat> runningInGroup(long pgid) {
    List<ProcStat> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(proc)) {
      entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
          .forEach(n -> stat(Long.parseLong(n)).filter(s -> s.pgrp() == pgid && s.running()).ifPresent(out::add));
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + proc, e);
    }
    return out;
  }
}
