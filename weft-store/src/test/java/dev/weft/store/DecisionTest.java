package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records that cross the ports check what they can on their own. */
class DecisionTest {
  private static final com.fasterxml.jackson.databind.JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

  @Test
  void a_command_id_is_the_same_for_the_same_step_and_attempt() {
    assertThat(new CommandId("i-7", "/do/2/callApi", 1).value()).isEqualTo("i-7:/do/2/callApi#1");
    assertThat(new CommandId("i-7", "/do/2/callApi", 1)).isEqualTo(new CommandId("i-7", "/do/2/callApi", 1));
    assertThat(new CommandId("i-7", "/do/2/callApi", 2).value()).isNotEqualTo(new CommandId("i-7", "/do/2/callApi", 1).value());
  }

  @Test
  void a_decision_may_only_command_for_its_own_instance() {
    Command foreign = new Command(new CommandId("other", "/do/0", 1), "call", EMPTY);
    assertThatThrownBy(() -> new Decision("mine", 1, InstanceStatus.RUNNING, EMPTY, List.of(), List.of(foreign)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other").hasMessageContaining("mine");
  }

  @Test
  void a_negative_attempt_is_refused() {
    assertThatThrownBy(() -> new CommandId("i", "/do/0", -1)).hasMessageContaining("-1");
  }
}
