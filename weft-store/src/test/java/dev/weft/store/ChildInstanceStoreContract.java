package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link ChildInstanceStore} contract, run on every database. */
abstract class ChildInstanceStoreContract extends StoreContract {
  private void moveTo(String id, InstanceStatus... path) {
    for (InstanceStatus s : path) {
      Instance i = db.instances().find(id).orElseThrow();
      db.instances().transition(id, i.version(), s, T0);
    }
  }

  private ChildInstance link(String command, String parent, String child, int depth) {
    return ChildInstance.started(command, command + "-decision", parent, child, depth, T0, null);
  }

  @Test
  void the_service_a_child_serves_is_kept_with_its_link() {
    newInstance("p");
    newInstance("c");
    ChildInstance served = ChildInstance.started("p/do/1@1", "p/do/1@1-decision", "p", "c", 1, T0, "orders@2.0.0");
    assertThat(db.children().link(served)).isTrue();
    assertThat(db.children().find("p/do/1@1").orElseThrow().serviceKey()).isEqualTo("orders@2.0.0");
    assertThat(db.children().ofParent("p")).containsExactly(served);
  }

  @Test
  void a_delivered_link_moved_to_a_new_command_waits_for_delivery_again() {
    newInstance("p");
    newInstance("c");
    db.children().link(link("p/x", "p", "c", 1));
    db.children().markDelivered("p/x", T0);
    assertThat(db.children().relink("p/x", "p/x/rerun/1", "p/x/rerun/1-decision")).isTrue();
    assertThat(db.children().find("p/x")).isEmpty();
    ChildInstance moved = db.children().ofChild("c").orElseThrow();
    assertThat(moved.commandId()).isEqualTo("p/x/rerun/1");
    assertThat(moved.decisionId()).isEqualTo("p/x/rerun/1-decision");
    assertThat(moved.deliveredAt()).isNull();
    assertThat(db.children().relink("nothing", "a", "b")).isFalse();
  }

  @Test
  void a_child_is_held_with_its_parent_until_released() {
    newInstance("p");
    newInstance("c");
    db.children().link(link("p/x", "p", "c", 1));
    assertThat(db.children().find("p/x").orElseThrow().heldWithParent()).isFalse();
    assertThat(db.children().holdWithParent("p/x", true)).isTrue();
    assertThat(db.children().ofChild("c").orElseThrow().heldWithParent()).isTrue();
    assertThat(db.children().holdWithParent("p/x", false)).isTrue();
    assertThat(db.children().find("p/x").orElseThrow().heldWithParent()).isFalse();
    assertThat(db.children().holdWithParent("nothing", true)).isFalse();
  }

  @Test
  void a_command_links_one_child_however_often_it_is_linked() {
    newInstance("p");
    newInstance("c");
    assertThat(db.children().link(link("p/do/0@1", "p", "c", 1))).isTrue();
    assertThat(db.children().link(link("p/do/0@1", "p", "c-other", 1))).isFalse();
    assertThat(db.children().find("p/do/0@1")).contains(link("p/do/0@1", "p", "c", 1));
    assertThat(db.children().find("nothing")).isEmpty();
    assertThat(db.children().ofChild("c")).contains(link("p/do/0@1", "p", "c", 1));
    assertThat(db.children().ofChild("p")).isEmpty();
  }

  @Test
  void the_depth_of_an_instance_no_command_started_is_zero() {
    newInstance("p");
    newInstance("c");
    newInstance("g");
    db.children().link(link("p/x", "p", "c", 1));
    db.children().link(link("c/x", "c", "g", 2));
    assertThat(db.children().depthOf("p")).isZero();
    assertThat(db.children().depthOf("c")).isEqualTo(1);
    assertThat(db.children().depthOf("g")).isEqualTo(2);
  }

  @Test
  void only_undelivered_links_of_ended_children_are_listed_as_ended() {
    newInstance("p");
    for (String c : List.of("done", "failed", "cancelled", "running", "suspended")) {
      newInstance(c);
      db.children().link(link("cmd-" + c, "p", c, 1));
    }
    moveTo("done", InstanceStatus.RUNNING, InstanceStatus.COMPLETED);
    moveTo("failed", InstanceStatus.RUNNING, InstanceStatus.FAILED);
    moveTo("cancelled", InstanceStatus.CANCELLED);
    moveTo("running", InstanceStatus.RUNNING);
    moveTo("suspended", InstanceStatus.RUNNING, InstanceStatus.SUSPENDED);
    assertThat(db.children().ended(10)).extracting(ChildInstance::childId)
        .containsExactlyInAnyOrder("done", "failed", "cancelled");
    assertThat(db.children().ended(2)).hasSize(2);
    assertThat(db.children().markDelivered("cmd-done", T0.plusSeconds(1))).isTrue();
    assertThat(db.children().markDelivered("cmd-done", T0)).isFalse();
    assertThat(db.children().ended(10)).extracting(ChildInstance::childId).containsExactlyInAnyOrder("failed", "cancelled");
    assertThat(db.children().find("cmd-done").orElseThrow().deliveredAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(db.children().orphaned(10)).as("the parent is still pending").isEmpty();
  }

  @Test
  void children_not_ended_of_a_parent_that_ended_are_orphaned_until_delivered() {
    newInstance("p");
    newInstance("live");
    newInstance("waiting");
    newInstance("over");
    db.children().link(link("cmd-live", "p", "live", 1));
    db.children().link(link("cmd-waiting", "p", "waiting", 1));
    db.children().link(link("cmd-over", "p", "over", 1));
    moveTo("live", InstanceStatus.RUNNING);
    moveTo("waiting", InstanceStatus.RUNNING, InstanceStatus.SUSPENDED);
    moveTo("over", InstanceStatus.RUNNING, InstanceStatus.COMPLETED);
    moveTo("p", InstanceStatus.RUNNING, InstanceStatus.FAILED);
    assertThat(db.children().orphaned(10)).extracting(ChildInstance::childId).containsExactlyInAnyOrder("live", "waiting");
    assertThat(db.children().orphaned(1)).hasSize(1);
    db.children().markDelivered("cmd-waiting", T0);
    assertThat(db.children().orphaned(10)).extracting(ChildInstance::childId).containsExactly("live");
    assertThat(db.children().ofParent("p")).extracting(ChildInstance::childId).containsExactly("live", "over", "waiting"); // same start: by command id
    assertThat(db.children().ofParent("live")).isEmpty();
  }
}
