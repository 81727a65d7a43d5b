package dev.weft.sim.rlscheduler;

import static dev.weft.sim.rlscheduler.PaperEngineTest.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weft's planner on the protocol's machine: whole nodes, requested times as estimates. */
class WeftEngineTest {
  static long[] starts(PolicyName policy, Backfill backfill, ProtocolMachine m, ProtocolJob... jobs) {
    SchedulerConfig config = SchedulerConfig.defaults().withPreemption(PreemptionConfig.none()).withBackfill(backfill);
    return new WeftEngine(policy, config).starts(List.of(jobs), m);
  }

  @Test
  void withoutBackfillingFcfsStartsJobsWhereThePapersFcfsDoes() {
    ProtocolJob[] jobs = {job(1, 0, 100, 3), job(2, 1, 50, 4), job(3, 2, 10, 1)};

    assertThat(starts(PolicyName.FCFS, Backfill.NONE, new ProtocolMachine(4, 1), jobs))
        .containsExactly(new PaperEngine(PriorityFunction.FCFS, false).starts(List.of(jobs), new ProtocolMachine(4, 1)));
  }

  @Test
  void easyLetsALongJobUseANodeTheHeadWillNotNeedUnlikeThePapersRule() {
    ProtocolJob[] jobs = {job(1, 0, 100, 2), job(2, 1, 10, 5), job(3, 2, 200, 1)};

    assertThat(starts(PolicyName.FCFS, Backfill.EASY, new ProtocolMachine(6, 1), jobs)).containsExactly(0, 100, 2);
  }

  @Test
  void aJobAsksWholeNodesSoOneProcessorJobsFillFourProcessorNodes() {
    ProtocolJob[] jobs = {job(1, 0, 10, 1), job(2, 0, 20, 1), job(3, 0, 5, 1)};

    assertThat(starts(PolicyName.FCFS, Backfill.NONE, new ProtocolMachine(2, 4), jobs)).containsExactly(0, 0, 10);
  }
}
