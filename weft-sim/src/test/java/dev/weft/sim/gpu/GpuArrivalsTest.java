package dev.weft.sim.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuArrivalsTest {
  static TaskSpec pod(String id, long submit, long gpus, long milli) {
    Resources r = milli > 0 ? new Resources(1000, 10, 0, 0, Map.of(Resources.GPU_MILLI, milli))
        : new Resources(1000, 10, 0, gpus, Map.of());
    return TaskSpec.builder(id).submitMillis(submit).resources(r).build();
  }

  static final List<TaskSpec> PODS = List.of(pod("c", 30, 1, 0), pod("a", 10, 0, 500), pod("b", 10, 2, 0),
      pod("d", 0, 0, 0));

  @Test
  void traceOrderIsByCreationTimeTiesInFileOrder() {
    assertThat(GpuArrivals.trace(PODS)).extracting(TaskSpec::id).containsExactly("d", "a", "b", "c");
  }

  @Test
  void aPodAsksAThousandMilliPerWholeGpuOrItsShare() {
    assertThat(PODS).extracting(GpuArrivals::gpuMilli).containsExactly(1000L, 500L, 2000L, 0L);
  }

  @Test
  void theSameSeedShufflesTheSameWayAndInflatesUpToTheTargetDemand() {
    List<TaskSpec> once = GpuArrivals.shuffled(PODS, 42, 1.3, 10_000);
    assertThat(once).isEqualTo(GpuArrivals.shuffled(PODS, 42, 1.3, 10_000));
    assertThat(once.subList(0, 4)).extracting(TaskSpec::id).containsExactlyInAnyOrder("a", "b", "c", "d");
    long demand = once.stream().mapToLong(GpuArrivals::gpuMilli).sum();
    assertThat(demand).isLessThanOrEqualTo(13_000).isGreaterThan(13_000 - 2000);
    assertThat(once.subList(4, once.size())).allMatch(t -> t.id().matches("[abcd]-tuned-\\d+"));
    List<String> orders = new ArrayList<>();
    for (long seed = 1; seed <= 8; seed++) {
      orders.add(GpuArrivals.shuffled(PODS, seed, 0, 10_000).toString());
    }
    assertThat(orders.stream().distinct().count()).as("seeds vary the order").isGreaterThan(1);
  }
}
