package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** The {@link NodeStore} contract, run on every database. */
abstract class NodeStoreContract extends StoreContract {
  static NewNode node(String id, int cpu) {
    return new NewNode(id, "eu/a/r1", json("cpu", cpu), JsonNodeFactory.instance.objectNode().put("disk", "ssd"),
        JsonNodeFactory.instance.arrayNode());
  }

  @Test
  void a_registered_node_is_up_and_registering_again_updates_it() {
    NodeRecord first = db.nodes().register(node("n-1", 4), T0);
    assertThat(first.state()).isEqualTo(NodeState.UP);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.labels().get("disk").asText()).isEqualTo("ssd");
    NodeRecord again = db.nodes().register(node("n-1", 8), T0.plusSeconds(5));
    assertThat(again.capacity()).isEqualTo(json("cpu", 8));
    assertThat(again.version()).isEqualTo(2);
    assertThat(again.lastHeartbeat()).isEqualTo(T0.plusSeconds(5));
    assertThat(again.registeredAt()).isEqualTo(T0);
    assertThat(db.nodes().list()).extracting(NodeRecord::id).containsExactly("n-1");
  }

  @Test
  void a_node_is_claimed_by_one_holder_at_a_time() {
    assertThat(db.nodes().claim("n-9", null, "d1")).as("unknown node").isFalse();
    db.nodes().register(node("n-1", 4), T0);
    assertThat(db.nodes().secretDigest("n-1")).isEmpty();
    assertThat(db.nodes().secretDigest("n-9")).isEmpty();
    assertThat(db.nodes().claim("n-1", null, "d1")).isTrue();
    assertThat(db.nodes().claim("n-1", null, "d2")).as("a second first claim loses").isFalse();
    assertThat(db.nodes().secretDigest("n-1")).contains("d1");
    assertThat(db.nodes().claim("n-1", "d0", "d2")).as("from a digest it no longer holds").isFalse();
    assertThat(db.nodes().claim("n-1", "d1", "d2")).isTrue();
    assertThat(db.nodes().secretDigest("n-1")).contains("d2");
    db.nodes().register(node("n-1", 8), T0.plusSeconds(1));
    assertThat(db.nodes().secretDigest("n-1")).as("registering again keeps the holder").contains("d2");
  }

  @Test
  void heartbeats_do_not_count_as_versions_but_bring_a_down_node_back() {
    db.nodes().register(node("n-1", 4), T0);
    assertThat(db.nodes().heartbeat("n-1", T0.plusSeconds(3))).isTrue();
    assertThat(db.nodes().find("n-1").orElseThrow().version()).isEqualTo(1);
    assertThat(db.nodes().heartbeat("n-9", T0)).isFalse();
    assertThat(db.nodes().markDownIfSilent("n-1", T0.plusSeconds(10))).isTrue();
    assertThat(db.nodes().markDownIfSilent("n-1", T0.plusSeconds(10))).isFalse();
    assertThat(db.nodes().find("n-1").orElseThrow().state()).isEqualTo(NodeState.DOWN);
    db.nodes().heartbeat("n-1", T0.plusSeconds(11));
    NodeRecord back = db.nodes().find("n-1").orElseThrow();
    assertThat(back.state()).isEqualTo(NodeState.UP);
    assertThat(back.version()).isEqualTo(3);
  }

  @Test
  void a_node_that_heartbeat_since_the_cutoff_is_not_marked_down() {
    db.nodes().register(node("n-1", 4), T0);
    db.nodes().heartbeat("n-1", T0.plusSeconds(20));
    assertThat(db.nodes().markDownIfSilent("n-1", T0.plusSeconds(15))).isFalse();
    assertThat(db.nodes().find("n-1").orElseThrow().state()).isEqualTo(NodeState.UP);
  }

  @Test
  void drain_and_cordon_keep_the_node_out_of_plans() {
    db.nodes().register(node("n-1", 4), T0);
    NodeRecord drained = db.nodes().setState("n-1", NodeState.DRAINING, T0);
    assertThat(drained.version()).isEqualTo(2);
    assertThatThrownBy(() -> db.nodes().assign("n-1", 2)).isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("node n-1");
    db.nodes().setState("n-1", NodeState.UP, T0);
    assertThat(db.nodes().assign("n-1", 3)).isEqualTo(4);
    assertThatThrownBy(() -> db.nodes().setState("n-9", NodeState.CORDONED, T0)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_plan_read_at_an_old_version_of_the_node_is_refused() {
    db.nodes().register(node("n-1", 4), T0);
    assertThat(db.nodes().assign("n-1", 1)).isEqualTo(2);
    assertThatThrownBy(() -> db.nodes().assign("n-1", 1)).isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("node n-1 is at version 2, not 1");
    assertThatThrownBy(() -> db.nodes().assign("n-9", 1)).isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("version -1");
  }
}
