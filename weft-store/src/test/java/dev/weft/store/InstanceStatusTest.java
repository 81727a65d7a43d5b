package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The instance lifecycle as one table: every allowed move is listed here, and nothing else. */
class InstanceStatusTest {
  private static final List<String> ALLOWED = List.of(
      "PENDING->PENDING", "PENDING->RUNNING", "PENDING->SUSPENDED", "PENDING->COMPLETED",
      "PENDING->FAILED", "PENDING->CANCELLED",
      "RUNNING->RUNNING", "RUNNING->SUSPENDED", "RUNNING->COMPLETED", "RUNNING->FAILED", "RUNNING->CANCELLED",
      "SUSPENDED->RUNNING", "SUSPENDED->SUSPENDED", "SUSPENDED->COMPLETED", "SUSPENDED->FAILED", "SUSPENDED->CANCELLED",
      "FAILED->RUNNING");

  @Test
  void the_allowed_moves_are_exactly_the_table() {
    List<String> actual = new ArrayList<>();
    for (InstanceStatus from : InstanceStatus.values()) {
      for (InstanceStatus to : InstanceStatus.values()) {
        if (from.canMoveTo(to)) {
          actual.add(from + "->" + to);
        }
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(ALLOWED);
  }

  @Test
  void completed_and_cancelled_have_no_way_out_and_failed_only_retries() {
    for (InstanceStatus to : InstanceStatus.values()) {
      assertThat(InstanceStatus.COMPLETED.canMoveTo(to)).isFalse();
      assertThat(InstanceStatus.CANCELLED.canMoveTo(to)).isFalse();
      assertThat(InstanceStatus.FAILED.canMoveTo(to)).isEqualTo(to == InstanceStatus.RUNNING);
    }
  }

  @Test
  void only_pending_and_running_instances_are_claimable() {
    assertThat(List.of(InstanceStatus.values())).filteredOn(InstanceStatus::runnable)
        .containsExactly(InstanceStatus.PENDING, InstanceStatus.RUNNING);
  }
}
