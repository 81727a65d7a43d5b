package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.workflow.decide.StartTrigger.Offer;
import dev.weft.workflow.decide.StartTrigger.Pending;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartTriggerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static JsonNode event(String type, String id) {
    return json("{\"id\": \"" + id + "\", \"source\": \"s\", \"type\": \"" + type + "\", \"data\": {\"n\": \"" + id + "\"}}");
  }

  @Test
  void one_starts_at_once_with_the_event_as_the_only_element_of_the_input() {
    StartTrigger t = new StartTrigger(json("{\"one\": {\"with\": {\"type\": \"order.placed\"}}}"));
    assertThat(t.offer(List.of(), event("order.placed", "e1")))
        .isEqualTo(new Offer.Starts(false, JSON.createArrayNode().add(event("order.placed", "e1"))));
    assertThat(t.offer(List.of(), event("order.cancelled", "e2"))).isEqualTo(new Offer.Ignored());
  }

  @Test
  void any_starts_on_an_event_matching_any_filter() {
    StartTrigger t = new StartTrigger(json("{\"any\": [{\"with\": {\"type\": \"a\"}}, {\"with\": {\"type\": \"b\"}}]}"));
    assertThat(t.offer(List.of(), event("b", "e1"))).isInstanceOf(Offer.Starts.class);
    assertThat(t.offer(List.of(), event("c", "e2"))).isEqualTo(new Offer.Ignored());
  }

  @Test
  void all_keeps_the_first_event_and_starts_with_both_when_the_second_filter_is_filled() {
    StartTrigger t = new StartTrigger(json("{\"all\": [{\"with\": {\"type\": \"a\"}}, {\"with\": {\"type\": \"b\"}}]}"));
    assertThat(t.offer(List.of(), event("a", "e1"))).isEqualTo(new Offer.Kept(false));
    List<Pending> pending = List.of(new Pending(event("a", "e1"), false));
    assertThat(t.offer(pending, event("a", "e2"))).as("the filter of a is filled already").isEqualTo(new Offer.Ignored());
    assertThat(t.offer(pending, event("b", "e3")))
        .isEqualTo(new Offer.Starts(false, JSON.createArrayNode().add(event("a", "e1")).add(event("b", "e3"))));
  }

  @Test
  void all_with_a_correlation_takes_only_events_that_agree_with_the_first() {
    StartTrigger t = new StartTrigger(json("""
        {"all": [{"with": {"type": "a"}, "correlate": {"k": {"from": "${ .data.n[0:1] }"}}},
                 {"with": {"type": "b"}, "correlate": {"k": {"from": "${ .data.n[0:1] }"}}}]}"""));
    List<Pending> pending = List.of(new Pending(event("a", "x1"), false));
    assertThat(t.offer(pending, event("b", "y1"))).isEqualTo(new Offer.Ignored());
    assertThat(t.offer(pending, event("b", "x2"))).isInstanceOf(Offer.Starts.class);
  }

  @Test
  void any_until_an_expression_holds_collects_events_then_starts_with_them() {
    StartTrigger t = new StartTrigger(json("{\"any\": [{\"with\": {\"type\": \"tick\"}}], \"until\": \"${ length >= 2 }\"}"));
    assertThat(t.offer(List.of(), event("tick", "e1"))).isEqualTo(new Offer.Kept(false));
    assertThat(t.offer(List.of(new Pending(event("tick", "e1"), false)), event("tick", "e2")))
        .isEqualTo(new Offer.Starts(false, JSON.createArrayNode().add(event("tick", "e1")).add(event("tick", "e2"))));
  }
}
