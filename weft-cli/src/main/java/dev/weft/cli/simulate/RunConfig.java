package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.model.PolicyName;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.sim.rlscheduler.PaperEngine;
import dev.weft.sim.rlscheduler.PriorityFunction;
import dev.weft.sim.rlscheduler.ProtocolEngine;
import dev.weft.sim.rlscheduler.WeftEngine;

/**
 * One scheduler configuration of a run or of a {@code compare} row: the engine, the policy, the
 * backfilling and (Weft only) the run-time prediction, null when not chosen.
 */
record RunConfig(EngineChoice engine, PolicyName policy, BackfillChoice backfill, PredictionChoice prediction) {
  /**
   * The engine that runs this configuration under the protocol; Weft's gets {@code weft}'s
   * preemption and backfill order.
   *
   * @throws UsageException when the paper's engine has no such policy, backfilling or prediction
   */
  ProtocolEngine protocolEngine(SchedulerChoice weft) {
    return engine == EngineChoice.PAPER ? paperEngine() : new WeftEngine(policy, weftConfig(weft));
  }

  /** Weft's configuration: {@code base} (preemption, backfill order) with this backfilling and prediction. */
  SchedulerConfig weftConfig(SchedulerChoice base) {
    SchedulerConfig c = new SchedulerChoice(backfill, base.order(), base.preemption(), base.mode()).config();
    return prediction == null ? c : c.withPrediction(prediction.prediction());
  }

  /**
   * Weft's options besides backfilling and prediction, as {@code simulate} picks them: preemption
   * when asked for, else srtf's own for an srtf leaf, else none.
   */
  static SchedulerChoice weftOptions(PolicyName policy, BackfillOrder order, PreemptionChoice preemption,
                                     PreemptionModeChoice mode) {
    PreemptionChoice rules = preemption != null ? preemption
        : policy == PolicyName.SRTF ? PreemptionChoice.SRTF : PreemptionChoice.NONE;
    return new SchedulerChoice(BackfillChoice.NONE, order, rules, mode);
  }

  /** The prediction in effect, for reports: null for the paper's engine (it goes by requested times). */
  PredictionChoice effectivePrediction(SchedulerChoice base) {
    return engine == EngineChoice.PAPER ? null : PredictionChoice.of(weftConfig(base).effectivePrediction());
  }

  private PaperEngine paperEngine() {
    PriorityFunction f = PriorityFunction.byName(policy.wire());
    if (f == null) {
      throw new UsageException("policy '" + policy.wire() + "': the paper's engine has fcfs, sjf, wfp3, unicep and f1;"
          + " Weft's policies need --engine weft");
    }
    if (backfill != BackfillChoice.NONE && backfill != BackfillChoice.EASY) {
      throw new UsageException("backfill '" + backfill.wire() + "': the paper's engine has none and easy (its own rule);"
          + " Weft's backfilling needs --engine weft");
    }
    if (prediction != null) {
      throw new UsageException("--prediction " + prediction.wire() + ": the paper's engine goes by requested times;"
          + " predictions need --engine weft");
    }
    return new PaperEngine(f, backfill == BackfillChoice.EASY);
  }
}
