package dev.weft.sim.rlscheduler;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The outcome of the protocol: the figures of each sequence, and their means (the paper's table
 * reports {@link #avgBoundedSlowdown}, the mean of the sequences' mean bounded slowdowns).
 */
public record ProtocolResult(List<SequenceFigures> sequences) {
  public ProtocolResult {
    sequences = List.copyOf(sequences);
  }

  public double avgBoundedSlowdown() {
    return mean(SequenceFigures::avgBoundedSlowdown);
  }

  public double avgWait() {
    return mean(SequenceFigures::avgWait);
  }

  public double avgTurnaround() {
    return mean(SequenceFigures::avgTurnaround);
  }

  public double utilization() {
    return mean(SequenceFigures::utilization);
  }

  public double makespan() {
    return mean(SequenceFigures::makespan);
  }

  public double maxWait() {
    return sequences.stream().mapToDouble(SequenceFigures::maxWait).max().orElse(0);
  }

  /** Jobs scheduled over all sequences. */
  public int jobs() {
    return sequences.stream().mapToInt(SequenceFigures::jobs).sum();
  }

  /** Each sequence's mean bounded slowdown, in sequence order. */
  public List<Double> sequenceSlowdowns() {
    return sequences.stream().map(SequenceFigures::avgBoundedSlowdown).toList();
  }

  private double mean(ToDoubleFunction<SequenceFigures> f) {
    return sequences.stream().mapToDouble(f).average().orElse(0);
  }
}
