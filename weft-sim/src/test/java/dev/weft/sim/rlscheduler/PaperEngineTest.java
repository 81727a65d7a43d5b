package dev.weft.sim.rlscheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The paper's scheduling rules on sequences small enough to follow by hand. */
class PaperEngineTest {
  private static final ProtocolMachine FOUR_NODES = new ProtocolMachine(4, 1);
  private static final ProtocolMachine SIX_NODES = new ProtocolMachine(6, 1);

  /** A job with an exact estimate. */
  static ProtocolJob job(long id, long submit, long runtime, int processors) {
    return new ProtocolJob(id, submit, runtime, runtime, processors, -1);
  }

  static long[] starts(PriorityFunction p, boolean backfill, ProtocolMachine m, ProtocolJob... jobs) {
    return new PaperEngine(p, backfill).starts(List.of(jobs), m);
  }

  @Test
  void withoutBackfillingNothingPassesABlockedHeadEvenAJobThatWouldFitNow() {
    ProtocolJob[] jobs = {job(1, 0, 100, 3), job(2, 1, 50, 4), job(3, 2, 10, 1)};

    assertThat(starts(PriorityFunction.FCFS, false, FOUR_NODES, jobs)).containsExactly(0, 100, 150);
  }

  @Test
  void theirBackfillingStartsAJobThatFitsNowAndEndsBeforeTheHeadsReservedStart() {
    ProtocolJob[] jobs = {job(1, 0, 100, 3), job(2, 1, 50, 4), job(3, 2, 10, 1)};

    assertThat(starts(PriorityFunction.FCFS, true, FOUR_NODES, jobs)).containsExactly(0, 100, 2);
  }

  @Test
  void theirBackfillingHasNoExtraNodesRuleSoALongJobWaitsEvenWhenItWouldNotDelayTheHead() {
    // at t=100 the head needs 5 of 6 nodes: EASY would let the 1-node job run on the spare node from t=2
    ProtocolJob[] jobs = {job(1, 0, 100, 2), job(2, 1, 10, 5), job(3, 2, 200, 1)};

    assertThat(starts(PriorityFunction.FCFS, true, SIX_NODES, jobs)).containsExactly(0, 100, 100);
  }

  @Test
  void jobsTakeWholeNodesSoTwoOneProcessorJobsFillTwoFourProcessorNodes() {
    ProtocolJob[] jobs = {job(1, 0, 10, 1), job(2, 0, 20, 1), job(3, 0, 5, 1)};

    assertThat(starts(PriorityFunction.FCFS, false, new ProtocolMachine(2, 4), jobs)).containsExactly(0, 0, 10);
  }

  @Test
  void jobsSubmittedTogetherAreSeenOneByOneSoSjfStartsTheFirstBeforeItSeesAShorterOne() {
    ProtocolJob[] jobs = {job(1, 0, 100, 4), job(2, 0, 10, 4)};

    assertThat(starts(PriorityFunction.SJF, false, FOUR_NODES, jobs)).containsExactly(0, 100);
  }

  @Test
  void theHeadIsChosenOnceAndKeptWhileItWaitsEvenIfABetterJobArrives() {
    ProtocolJob[] jobs = {job(1, 0, 100, 4), job(2, 1, 50, 4), job(3, 2, 5, 4)};

    // at t=1 the only waiting job is 2: it stays the head while the shorter job 3 arrives
    assertThat(starts(PriorityFunction.SJF, false, FOUR_NODES, jobs)).containsExactly(0, 100, 150);
  }

  @Test
  void theReservedStartIsComputedOnceFromRequestedTimesNotActualOnes() {
    // job 1 asks 1000 s but runs 100 s: the head's reserved start stays 1000, so a 500 s job is backfilled
    ProtocolJob over = new ProtocolJob(1, 0, 100, 1000, 3, -1);
    ProtocolJob[] jobs = {over, job(2, 1, 50, 4), job(3, 2, 500, 1)};

    assertThat(starts(PriorityFunction.FCFS, true, FOUR_NODES, jobs)).containsExactly(0, 502, 2);
  }

  @Test
  void theBoundedSlowdownCountsRunsShorterThanTenSecondsAsTen() {
    ProtocolJob shortJob = job(1, 0, 2, 1);

    assertThat(shortJob.boundedSlowdown(0)).isEqualTo(1.0);
    assertThat(shortJob.boundedSlowdown(18)).isEqualTo(2.0);
    assertThat(job(2, 0, 100, 1).boundedSlowdown(100)).isEqualTo(2.0);
  }
}
