package dev.weft.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TaskSpecEqualsButIdTest {
  private static final TaskSpec BASE = TaskSpec.builder("j/0").job("j").resources(Resources.cpus(2)).priority(70)
      .queue("root.batch").user("ana").estimateMillis(5_000).deadlineMillis(9_000).labels(Map.of("team", "a"))
      .run(new TaskRun("noop", List.of(), Map.of("A", "1"), 0)).build();

  @Test
  void a_copy_under_another_id_is_equal_but_for_the_id() {
    TaskSpec copy = BASE.withId("j/1");
    assertThat(BASE.equalsButId(copy)).isTrue();
    assertThat(BASE.equalsButId(BASE)).isTrue();
    assertThat(BASE.equalsButId(null)).isFalse();
  }

  @Test
  void any_other_difference_is_seen_as_equals_sees_it() {
    List<UnaryOperator<TaskSpec.Builder>> changes = List.of(
        b -> b.job("k"), b -> b.resources(Resources.cpus(3)), b -> b.priority(71), b -> b.queue("root.other"),
        b -> b.user("bo"), b -> b.submitMillis(1), b -> b.estimateMillis(1), b -> b.deadlineMillis(1),
        b -> b.labels(Map.of()), b -> b.preemptible(!BASE.preemptible()), b -> b.profile(Profile.CPU),
        b -> b.dependsOn(List.of("j/9")), b -> b.run(new TaskRun("noop", List.of(), Map.of("A", "2"), 0)),
        b -> b.run(null));
    for (UnaryOperator<TaskSpec.Builder> change : changes) {
      TaskSpec other = change.apply(BASE.toBuilder()).build().withId("j/1");
      assertThat(BASE.equalsButId(other)).isEqualTo(other.equals(BASE.withId("j/1"))).isFalse();
    }
  }
}
