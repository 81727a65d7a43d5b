package dev.weft.bench.tasks;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JobRunr's job for the benchmark: records that it ran. Public, since JobRunr's workers call it
 * reflectively; the record is static, as JobRunr calls a static method.
 */
public final class JobRunrNoop {
  static final Set<Integer> RAN = ConcurrentHashMap.newKeySet();

  private JobRunrNoop() {
  }

  public static void run(int i) {
    RAN.add(i);
  }
}
