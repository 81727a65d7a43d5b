package dev.weft.scheduler.dag;

/**
 * Where and when one task runs: on processor {@code processor} from {@code start} to
 * {@code finish} (task and processor are indices; see {@link HeterogeneousDag#taskName}).
 */
public record TaskSlot(int task, int processor, double start, double finish) {
  @Override
  public String toString() {
    return HeterogeneousDag.taskName(task) + "@" + HeterogeneousDag.processorName(processor)
        + " [" + start + "," + finish + "]";
  }
}
