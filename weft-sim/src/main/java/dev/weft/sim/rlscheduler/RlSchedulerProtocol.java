package dev.weft.sim.rlscheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation protocol of RLScheduler (Zhang et al., SC'20): ten sequences of
 * {@value #SEQUENCE_LENGTH} consecutive jobs of a {@link ProtocolTrace}, at fixed start indices,
 * each scheduled on an empty machine; the score is the mean over the sequences of each sequence's
 * mean bounded slowdown.
 */
public final class RlSchedulerProtocol {
  /** Jobs per sequence. */
  public static final int SEQUENCE_LENGTH = 1024;
  /** 0-based start indices in the filtered trace (the paper's evaluation script with seed 1). */
  public static final List<Integer> START_INDICES = List.of(1981, 2756, 4299, 8850, 3316, 2714, 5228, 7762, 4022, 7085);

  private RlSchedulerProtocol() {}

  /**
   * The ten sequences of {@code trace}.
   *
   * @throws IllegalArgumentException when the trace is too short for the last sequence
   */
  public static List<List<ProtocolJob>> sequences(ProtocolTrace trace) {
    int needed = START_INDICES.stream().mapToInt(i -> i + SEQUENCE_LENGTH).max().orElseThrow();
    if (trace.jobs().size() < needed) {
      throw new IllegalArgumentException(trace.source() + ": the protocol needs at least " + needed
          + " jobs after filtering, the trace has " + trace.jobs().size());
    }
    List<List<ProtocolJob>> out = new ArrayList<>();
    for (int start : START_INDICES) {
      out.add(trace.jobs().subList(start, start + SEQUENCE_LENGTH));
    }
    return out;
  }

  /** Runs every sequence of {@code trace} through {@code engine}. */
  public static ProtocolResult run(ProtocolTrace trace, ProtocolEngine engine) {
    List<SequenceFigures> figures = new ArrayList<>();
    for (List<ProtocolJob> sequence : sequences(trace)) {
      figures.add(SequenceFigures.of(sequence, engine.starts(sequence, trace.machine()), trace.machine()));
    }
    return new ProtocolResult(figures);
  }
}
