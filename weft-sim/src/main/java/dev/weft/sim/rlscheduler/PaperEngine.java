package dev.weft.sim.rlscheduler;

import java.util.List;

/** The paper's simulator: one of its priority functions, with or without its backfilling rule. */
public record PaperEngine(PriorityFunction priority, boolean backfill) implements ProtocolEngine {
  @Override
  public long[] starts(List<ProtocolJob> sequence, ProtocolMachine machine) {
    return new PaperSequenceRun(sequence, machine, priority, backfill).run();
  }

  @Override
  public String describe() {
    return "paper " + priority.wire() + (backfill ? ", paper backfilling" : ", no backfilling");
  }
}
