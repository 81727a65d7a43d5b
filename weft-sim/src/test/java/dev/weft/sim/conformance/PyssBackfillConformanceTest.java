package dev.weft.sim.conformance;

import static dev.weft.sim.conformance.BackfillAlgorithm.CONSERVATIVE;
import static dev.weft.sim.conformance.BackfillAlgorithm.EASY;
import static dev.weft.sim.conformance.BackfillAlgorithm.EASY_PLUS_PLUS;
import static dev.weft.sim.conformance.BackfillAlgorithm.EASY_SJBF;
import static dev.weft.sim.conformance.BackfillAlgorithm.FCFS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.scheduler.CorePlanner;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.testing.SharedData;
import dev.weft.sim.workload.PyssReader;
import dev.weft.sim.workload.SimJob;
import dev.weft.sim.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pyss backfilling scenarios (HUJI pyss tests, shared data): on a 100-processor machine, one
 * fcfs queue, every job must finish at the integer part of its id. Families and the schedulers
 * they hold for are those of the data README.
 */
class PyssBackfillConformanceTest {
  private static final List<BackfillAlgorithm> ALL_FOUR = List.of(FCFS, EASY, CONSERVATIVE, EASY_SJBF);

  static Stream<Arguments> scenarios() {
    return Stream.of(
        family("basic_input", 0, 28, ALL_FOUR),
        family("extreme_input", 0, 1, ALL_FOUR),
        family("extreme_input", 2, 2, List.of(EASY)),
        family("fcfs_input", 0, 7, List.of(FCFS)),
        family("bf_input", 0, 8, List.of(EASY, CONSERVATIVE)),
        family("easy_bf_input", 0, 3, List.of(EASY)),
        family("cons_bf_input", 0, 1, List.of(CONSERVATIVE)),
        family("sjbf", 0, 2, List.of(EASY_SJBF)),
        family("plus_plus_easy", 0, 15, List.of(EASY_PLUS_PLUS))).flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0} under {1}: every job finishes at the integer part of its id")
  @MethodSource("scenarios")
  void everyJobFinishesAtTheTimeItsIdNames(String file, BackfillAlgorithm algorithm) {
    Path path = SharedData.file("pyss-backfill-tests/" + file);
    Assumptions.assumeTrue(Files.isRegularFile(path), "pyss scenarios absent (shared data not present): " + path);
    Workload workload = new PyssReader().read(path);

    SimResult result = new Simulator(new CorePlanner(algorithm.config()), ClusterSpec.parse("cpus=100").nodes(),
        QueueSpec.defaultTree(PolicyName.FCFS)).run(workload.jobs());

    assertThat(result.stuckIds()).as("stuck jobs").isEmpty();
    assertThat(result.rejectedIds()).as("rejected jobs").isEmpty();
    assertThat(actualSeconds(result)).as("finish time (s) per job id, %s under %s", file, algorithm)
        .isEqualTo(expectedSeconds(workload.jobs()));
  }

  private static Map<String, Long> expectedSeconds(List<SimJob> jobs) {
    Map<String, Long> out = new TreeMap<>();
    jobs.forEach(j -> out.put(j.id(), Long.parseLong(j.id().split("\\.")[0])));
    return out;
  }

  private static Map<String, Long> actualSeconds(SimResult result) {
    Map<String, Long> out = new TreeMap<>();
    result.finishTimes().forEach((id, ms) -> out.put(id, ms % 1000 == 0 ? ms / 1000 : -ms));
    return out;
  }

  private static Stream<Arguments> family(String prefix, int first, int last, List<BackfillAlgorithm> algorithms) {
    return IntStream.rangeClosed(first, last).boxed()
        .flatMap(i -> algorithms.stream().map(a -> Arguments.of(prefix + "." + i, a)));
  }
}
