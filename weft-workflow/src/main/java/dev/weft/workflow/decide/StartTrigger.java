package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.weft.workflow.decide.InstanceState.Received;
import dev.weft.workflow.expr.ExpressionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A document's {@code schedule.on} (an event consumption strategy) as a pure rule: given the
 * events it has taken so far and not yet used to start an instance, what one more published
 * event does. The strategy is the {@code listen} one ({@code one}, {@code any}, {@code all},
 * {@code until}, filters with {@code with} and {@code correlate}); a correlation's {@code expect}
 * is evaluated on {@code null} (there is no instance input yet). When the strategy is complete,
 * the new instance's input is the array of the events it took, whole CloudEvents, in the order
 * they were taken (dsl.md, "Input of event-driven scheduled workflows"); events its {@code until}
 * consumed are not in it.
 */
public final class StartTrigger {
  private final ListenStrategy strategy;

  /** @param on the document's {@code /schedule/on} object, as validated */
  public StartTrigger(JsonNode on) {
    this.strategy = new ListenStrategy(on, "envelope", NullNode.getInstance(), Map.of());
  }

  /** An event the trigger took earlier and has not used yet; {@code until}: its {@code until} took it. */
  public record Pending(JsonNode event, boolean until) {}

  /** What an offered event does. */
  public sealed interface Offer {
    /** The trigger does not take it. */
    record Ignored() implements Offer {}

    /** Taken and kept: the trigger waits for more events. */
    record Kept(boolean until) implements Offer {}

    /** Taken, and it completes the trigger: start an instance with {@code input}; the pending events are used up. */
    record Starts(boolean until, ArrayNode input) implements Offer {}
  }

  /** What {@code event} does, after {@code pending} (oldest first). */
  public Offer offer(List<Pending> pending, JsonNode event) {
    List<Received> got = new ArrayList<>();
    for (Pending p : pending) {
      got.add(new Received(got.size() + 1L, p.event(), p.until()));
    }
    ListenStrategy.Role role = strategy.accept(event, got);
    if (role == ListenStrategy.Role.NONE) {
      return new Offer.Ignored();
    }
    boolean until = role == ListenStrategy.Role.UNTIL;
    got.add(new Received(got.size() + 1L, event, until));
    boolean complete;
    try {
      complete = strategy.complete(got);
    } catch (ExpressionException e) {
      complete = false; // an until that fails on these events does not hold yet
    }
    return complete ? new Offer.Starts(until, strategy.output(got)) : new Offer.Kept(until);
  }
}
