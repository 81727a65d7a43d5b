package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;
import dev.weft.scheduler.api.SchedulerConfig.Prediction;
import dev.weft.scheduler.backfill.RuntimeEstimates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where expected run times come from: the estimate, or the user's history, never more than the estimate. */
class RuntimeEstimatesTest {
  static final long S = 1000;

  static TaskSpec carols(long estimateSeconds) {
    return TaskSpec.builder("t").user("carol").estimateMillis(estimateSeconds * S).build();
  }

  static long predict(Prediction p, long estimateSeconds, Long... history) {
    return new RuntimeEstimates(p, Map.of("carol", List.of(history))).total(carols(estimateSeconds)) / S;
  }

  @ParameterizedTest(name = "{0}: {1} s")
  @CsvSource({
      "ESTIMATE,      500",
      "LAST_TWO_MEAN, 55",
      "RECENT_MAX,    400"})
  void eachPredictorReadsTheSameHistoryItsOwnWay(Prediction p, long expected) {
    assertThat(predict(p, 500, 400 * S, 30 * S, 50 * S, 60 * S)).isEqualTo(expected);
  }

  @Test
  void recentMaxLooksAtTheLastEightRunsOnly() {
    Long[] nine = {900 * S, 10 * S, 20 * S, 30 * S, 40 * S, 50 * S, 60 * S, 70 * S, 80 * S};

    assertThat(predict(Prediction.RECENT_MAX, 1000, nine)).isEqualTo(80);
  }

  @Test
  void recentMaxPredictsFromOneRunAndNeverBeyondTheEstimate() {
    assertThat(predict(Prediction.RECENT_MAX, 500, 40 * S)).isEqualTo(40);
    assertThat(predict(Prediction.RECENT_MAX, 60, 400 * S, 600 * S)).isEqualTo(60);
    assertThat(predict(Prediction.RECENT_MAX, 500)).as("no history: the estimate").isEqualTo(500);
  }

  @Test
  void anonymousTasksGoByTheirEstimateBecauseTheyAreNotOnePerson() {
    TaskSpec anonymous = TaskSpec.builder("t").estimateMillis(500 * S).build();
    Map<String, List<Long>> history = Map.of("anonymous", List.of(10 * S, 20 * S));

    assertThat(new RuntimeEstimates(Prediction.RECENT_MAX, history).total(anonymous)).isEqualTo(500 * S);
    assertThat(new RuntimeEstimates(Prediction.LAST_TWO_MEAN, history).total(anonymous)).isEqualTo(500 * S);
  }

  @Test
  void easyPlusPlusPredictsWithTheMeanOfTheLastTwoUnlessAnotherPredictorIsChosen() {
    SchedulerConfig easyPlusPlus = SchedulerConfig.defaults().withPreemption(PreemptionConfig.none())
        .withBackfill(Backfill.EASY_PLUS_PLUS);

    assertThat(easyPlusPlus.effectivePrediction()).isEqualTo(Prediction.LAST_TWO_MEAN);
    assertThat(easyPlusPlus.withPrediction(Prediction.RECENT_MAX).effectivePrediction())
        .isEqualTo(Prediction.RECENT_MAX);
    assertThat(easyPlusPlus.withBackfill(Backfill.EASY).effectivePrediction()).isEqualTo(Prediction.ESTIMATE);
  }
}
