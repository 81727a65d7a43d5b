package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code listen} consuming CloudEvents delivered as {@link Event.EventReceived}. */
class ListenTest {
  private static Sim listening(String to) {
    Sim s = new Sim("do:\n  - hear:\n      listen:\n        to: " + to + "\n");
    s.start("{order: 42}");
    return s;
  }

  @Test
  void aListenBlocksWithItsCommandUntilAMatchingEventArrives() {
    Sim s = listening("{ one: { with: { type: paid } } }");
    assertThat(s.only()).isEqualTo(new Command.Listen("wf-1/do/0/hear@1", "/do/0/hear", Driver.json("{ one: { with: { type: paid } } }")));
    InstanceState waiting = s.state;
    assertThat(s.deliver("{id: '1', source: shop, type: shipped, data: 1}")).isEmpty();
    assertThat(s.state).as("an event nobody listens for changes nothing").isEqualTo(waiting);
    s.deliver("{id: '2', source: shop, type: paid, data: {amount: 3}}");
    assertThat(s.output()).isEqualTo(Driver.json("[{amount: 3}]"));
  }

  @Test
  void attributesMatchByEqualityRegularExpressionOrExpressionOnTheAttribute() {
    Sim s = listening("{ one: { with: { type: 'com\\.shop\\..*', source: 'https://shop', data: '${ .amount > 10 }' } } }");
    s.deliver("{id: '1', source: 'https://shop', type: com.shop.paid, data: {amount: 5}}");
    s.deliver("{id: '2', source: 'https://other', type: com.shop.paid, data: {amount: 50}}");
    s.deliver("{id: '3', source: 'https://shop', type: org.shop.paid, data: {amount: 50}}");
    assertThat(s.state.received()).isEmpty();
    s.deliver("{id: '4', source: 'https://shop', type: com.shop.paid, data: {amount: 50}}");
    assertThat(s.output()).isEqualTo(Driver.json("[{amount: 50}]"));
  }

  @Test
  void anyEndsWithTheFirstEventOfAnyFilter() {
    Sim s = listening("{ any: [ { with: { type: a } }, { with: { type: b } } ] }");
    s.deliver("{id: '1', source: x, type: b, data: 2}");
    assertThat(s.output()).isEqualTo(Driver.json("[2]"));
  }

  @Test
  void anEmptyAnyTakesEveryEvent() {
    Sim s = listening("{ any: [] }");
    s.deliver("{id: '1', source: x, type: whatever, data: 1}");
    assertThat(s.output()).isEqualTo(Driver.json("[1]"));
  }

  @Test
  void allWaitsForOneEventPerFilterInAnyOrder() {
    Sim s = listening("{ all: [ { with: { type: a } }, { with: { type: b } } ] }");
    s.deliver("{id: '1', source: x, type: b, data: 1}");
    assertThat(s.deliver("{id: '2', source: x, type: b, data: 2}")).as("b is filled already").isEmpty();
    assertThat(s.state.received().get("wf-1/do/0/hear@1")).hasSize(1);
    s.deliver("{id: '3', source: x, type: a, data: 3}");
    assertThat(s.output()).isEqualTo(Driver.json("[1, 3]"));
  }

  @Test
  void untilAsAnExpressionIsEvaluatedOnTheEventsReadSoFar() {
    Sim s = listening("{ any: [ { with: { type: tick } } ], until: '${ length >= 3 }' }");
    s.deliver("{id: '1', source: x, type: tick, data: 1}");
    s.deliver("{id: '2', source: x, type: tick, data: 2}");
    assertThat(s.state.status()).isEqualTo(InstanceState.Status.RUNNING);
    s.deliver("{id: '3', source: x, type: tick, data: 3}");
    assertThat(s.output()).isEqualTo(Driver.json("[1, 2, 3]"));
  }

  @Test
  void untilAsAStrategyEndsTheListenAndItsEventsAreNotInTheOutput() {
    Sim s = listening("{ any: [ { with: { type: tick } } ], until: { one: { with: { type: stop } } } }");
    s.deliver("{id: '1', source: x, type: tick, data: 1}");
    s.deliver("{id: '2', source: x, type: tick, data: 2}");
    s.deliver("{id: '3', source: x, type: stop, data: 99}");
    assertThat(s.output()).isEqualTo(Driver.json("[1, 2]"));
  }

  @Test
  void aCorrelationWithExpectTakesOnlyEventsOfThisInstancesData() {
    Sim s = listening("{ one: { with: { type: paid }, correlate: { order: { from: '${ .data.order }', expect: '${ .order }' } } } }");
    s.deliver("{id: '1', source: x, type: paid, data: {order: 7}}");
    assertThat(s.state.received()).isEmpty();
    s.deliver("{id: '2', source: x, type: paid, data: {order: 42}}");
    assertThat(s.output()).isEqualTo(Driver.json("[{order: 42}]"));
  }

  @Test
  void aCorrelationWithoutExpectTakesTheValueOfTheFirstEvent() {
    Sim s = listening("{ all: [ { with: { type: a }, correlate: { k: { from: '${ .subject }' } } },"
        + " { with: { type: b }, correlate: { k: { from: '${ .subject }' } } } ] }");
    s.deliver("{id: '1', source: x, type: a, subject: s1, data: 1}");
    s.deliver("{id: '2', source: x, type: b, subject: s2, data: 2}");
    assertThat(s.state.status()).isEqualTo(InstanceState.Status.RUNNING);
    s.deliver("{id: '3', source: x, type: b, subject: s1, data: 3}");
    assertThat(s.output()).isEqualTo(Driver.json("[1, 3]"));
  }

  @Test
  void readEnvelopeGivesWholeEventsAndRawGivesTheDataAsText() {
    Sim env = new Sim("do:\n  - hear:\n      listen: { to: { one: { with: { type: a } } }, read: envelope }\n");
    env.start("{}");
    env.deliver("{id: '1', source: x, type: a, data: {v: 1}}");
    assertThat(env.output()).isEqualTo(Driver.json("[{id: '1', source: x, type: a, data: {v: 1}}]"));
    Sim raw = new Sim("do:\n  - hear:\n      listen: { to: { one: { with: { type: a } } }, read: raw }\n");
    raw.start("{}");
    raw.deliver("{id: '1', source: x, type: a, data: {v: 1}}");
    assertThat(raw.output()).isEqualTo(Driver.json("['{\"v\":1}']"));
  }

  @Test
  void theSameEventDeliveredTwiceIsConsumedOnce() {
    Sim s = listening("{ any: [ { with: { type: tick } } ], until: '${ length >= 2 }' }");
    s.deliver("{id: '1', source: x, type: tick, data: 1}");
    InstanceState once = s.state;
    assertThat(s.deliver("{id: '1', source: x, type: tick, data: 1}")).isEmpty();
    assertThat(s.state).isEqualTo(once);
  }

  @Test
  void foreachRunsItsTasksForEachEventAsItArrives() {
    Sim s = new Sim("""
        do:
          - hear:
              listen:
                to: { any: [ { with: { type: tick } } ], until: '${ length >= 2 }' }
              foreach:
                item: tick
                do:
                  - sq:
                      call: square
                      with: { x: '${ $tick.n }' }
                output:
                  as: '${ { squared: . } }'
        """);
    s.start("{}");
    s.deliver("{id: '1', source: x, type: tick, data: {n: 3}}");
    assertThat(s.last).extracting(Command::id).containsExactly("wf-1/do/0/hear/foreach/do/0/sq@1");
    s.feed(new Event.CommandCompleted("wf-1/do/0/hear/foreach/do/0/sq@1", Driver.json("9")));
    s.deliver("{id: '2', source: x, type: tick, data: {n: 4}}");
    s.feed(new Event.CommandCompleted("wf-1/do/0/hear/foreach/do/0/sq@2", Driver.json("16")));
    assertThat(s.output()).isEqualTo(Driver.json("[{squared: 9}, {squared: 16}]"));
  }

  @Test
  void twoListensInAForkEachTakeTheirOwnEvents() {
    Sim s = new Sim("""
        do:
          - both:
              fork:
                branches:
                  - left:
                      listen: { to: { one: { with: { type: l } } } }
                  - right:
                      listen: { to: { one: { with: { type: r } } } }
        """);
    s.start("{}");
    s.deliver("{id: '1', source: x, type: r, data: R}");
    s.deliver("{id: '2', source: x, type: l, data: L}");
    assertThat(s.output()).isEqualTo(Driver.json("[[L], [R]]"));
  }
}
