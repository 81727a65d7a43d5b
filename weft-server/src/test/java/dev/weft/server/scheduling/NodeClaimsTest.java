package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.server.scheduling.NodeClaims.Decision;
import dev.weft.store.NodeRecord;
import dev.weft.store.NodeState;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule deciding which agent holds a node, row by row. */
class NodeClaimsTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  static final String HELD = NodeClaims.digest("s1");
  static final String OTHER = NodeClaims.digest("s2");

  static NodeRecord node(NodeState state, long silentSeconds) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return new NodeRecord("n1", "a/b/c", f.objectNode(), f.objectNode(), f.arrayNode(), state,
        NOW.minusSeconds(silentSeconds), 1, NOW.minusSeconds(3600));
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("unknown node", null, null, null, Decision.ISSUE),
        Arguments.of("node no agent holds", node(NodeState.UP, 0), null, OTHER, Decision.ISSUE),
        Arguments.of("its holder's secret", node(NodeState.UP, 0), HELD, HELD, Decision.KEEP),
        Arguments.of("its holder's secret, node down", node(NodeState.DOWN, 60), HELD, HELD, Decision.KEEP),
        Arguments.of("no secret, holder heard from", node(NodeState.UP, 3), HELD, null, Decision.REFUSE),
        Arguments.of("another secret, holder heard from", node(NodeState.DRAINING, 14), HELD, OTHER, Decision.REFUSE),
        Arguments.of("another secret, holder silent for the timeout", node(NodeState.UP, 15), HELD, OTHER,
            Decision.ISSUE),
        Arguments.of("no secret, node down", node(NodeState.DOWN, 1), HELD, null, Decision.ISSUE));
  }

  @ParameterizedTest(name = "{0} -> {4}")
  @MethodSource("rows")
  void a_join_is_decided_by_the_holder_s_secret_and_silence(String row, NodeRecord node, String stored, String presented,
                                                             Decision expected) {
    assertThat(NodeClaims.decide(node, stored, presented, NOW, TIMEOUT)).isEqualTo(expected);
  }
}
