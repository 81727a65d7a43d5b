package dev.weft.sim.rlscheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import dev.weft.scheduler.api.SchedulerConfig.Prediction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Weft's own machinery on the protocol's sequences beats the paper's learned policy with
 * backfilling: shortest predicted job first with EASY backfilling, run times predicted as the
 * longest of the user's recent run times (capped by the user's estimate; the estimate for jobs of
 * no known user). Nothing of an unfinished job's actual run time is used.
 */
class WeftBeatsTheLearnedPolicyTest {
  static final SchedulerConfig WINNER = SchedulerConfig.defaults().withPreemption(PreemptionConfig.none())
      .withBackfill(Backfill.EASY).withPrediction(Prediction.RECENT_MAX);

  @ParameterizedTest(name = "{0}: below RL''s {1}")
  @CsvSource({"Lublin-1, 58.64", "SDSC-SP2, 397.82", "Lublin-2, 118.79"})
  void sjfWithEasyAndRecentMaxPredictionsHasALowerAverageBoundedSlowdownThanRl(String trace, double rl) {
    ProtocolResult weft = RlSchedulerProtocol.run(ProtocolTraces.named(trace), new WeftEngine(PolicyName.SJF, WINNER));

    assertThat(weft.jobs()).isEqualTo(10 * RlSchedulerProtocol.SEQUENCE_LENGTH);
    assertThat(weft.avgBoundedSlowdown()).isLessThan(rl);
  }
}
