package dev.weft.sim.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueTreeOfWorkloadTest {
  @Test
  void aWorkloadOfTheDefaultQueueGetsTheDefaultTree() {
    assertThat(QueueTreeOfWorkload.build(List.of("root.default"), PolicyName.SJF))
        .isEqualTo(QueueSpec.defaultTree(PolicyName.SJF));
    assertThat(QueueTreeOfWorkload.build(List.of(), PolicyName.FCFS)).isEqualTo(QueueSpec.defaultTree(PolicyName.FCFS));
  }

  @Test
  void everyPathBecomesABranchOfTheTreeWithThePolicyOnItsLeaves() {
    QueueSpec root = QueueTreeOfWorkload.build(List.of("root.analytics.etl", "root.analytics.adhoc", "root.web"),
        PolicyName.FAIR);

    assertThat(root.name()).isEqualTo("root");
    assertThat(root.children()).extracting(QueueSpec::name).containsExactly("analytics", "web");
    QueueSpec analytics = root.children().get(0);
    assertThat(analytics.children()).extracting(QueueSpec::name).containsExactly("adhoc", "etl");
    assertThat(analytics.children()).allSatisfy(q -> assertThat(q.policy()).isEqualTo(PolicyName.FAIR));
    assertThat(root.children().get(1).isLeaf()).isTrue();
  }

  @Test
  void aQueueCannotBothHoldTasksAndHaveChildren() {
    assertThatThrownBy(() -> QueueTreeOfWorkload.build(List.of("root.a", "root.a.b"), PolicyName.FCFS))
        .hasMessage("queue 'root.a' holds tasks but is also the parent of 'root.a.b'; tasks go to leaf queues only");
  }

  @Test
  void theLeavesOfATreeAreListedByPathWithTheirPolicies() {
    QueueSpec root = QueueSpec.parent("root", List.of(QueueSpec.leaf("web", PolicyName.SRTF),
        QueueSpec.parent("batch", List.of(QueueSpec.leaf("etl", PolicyName.SJF)))));

    assertThat(QueueLeaves.of(root)).containsExactly(
        java.util.Map.entry("root.web", PolicyName.SRTF), java.util.Map.entry("root.batch.etl", PolicyName.SJF));
  }
}
