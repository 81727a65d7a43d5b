package dev.weft.sim.engine;

import static dev.weft.sim.testing.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.testing.InOrderPlanner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorProgressTest {
  @Test
  void progressStartsAtZeroAndCountsFinishedTasksOfTheTasksThatFit() {
    List<String> heard = new ArrayList<>();
    Simulator sim = new Simulator(new InOrderPlanner(), ClusterSpec.parse("cpus=2").nodes(),
        QueueSpec.defaultTree(PolicyName.FCFS));

    sim.run(List.of(job("a", 0, 10), job("b", 0, 10), job("c", 0, 5), job("huge", 0, 1, 8)),
        (finished, total) -> heard.add(finished + "/" + total));

    assertThat(heard).containsExactly("0/3", "2/3", "3/3");
  }
}
