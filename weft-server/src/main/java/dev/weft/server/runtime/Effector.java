package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.store.StoreUnavailableException;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Event;
import java.time.Duration;
import java.time.Instant;

/** Carries out one command that has an answer right away (everything but timers). */
final class Effector {
  private final HttpCaller http;
  private final OpenApiCaller openApi;
  private final McpCaller mcp;
  private final A2aCaller a2a;
  private final EventSink sink;
  private final ServiceCalls services;

  Effector(Duration httpTimeout, EventSink emitted, HostRedirects redirects, ServiceRegistry registry) {
    this(httpTimeout, emitted, redirects, registry, RetryWait.SLEEP);
  }

  /** As above, service calls waiting out their retry delays with {@code retryWait}. */
  Effector(Duration httpTimeout, EventSink emitted, HostRedirects redirects, ServiceRegistry registry,
           RetryWait retryWait) {
    this(httpTimeout, emitted, redirects, registry, retryWait, ServiceCalls.NO_CHILDREN);
  }

  /** As above, the child of a {@code workflow} behaviour run here by {@code children}. */
  Effector(Duration httpTimeout, EventSink emitted, HostRedirects redirects, ServiceRegistry registry,
           RetryWait retryWait, ServiceCalls.ChildRunner children) {
    this.http = new HttpCaller(httpTimeout, redirects);
    this.openApi = new OpenApiCaller(http);
    this.mcp = new McpCaller(http, () -> System.nanoTime() / 1_000_000);
    this.a2a = new A2aCaller(http);
    this.sink = emitted;
    this.services = new ServiceCalls(registry, http, retryWait, children);
  }

  /** The service calls this effector carries out (shared with the task path of a server). */
  ServiceCalls services() {
    return services;
  }

  /** Carries the command out and returns what came of it: {@code CommandCompleted} or {@code CommandFailed}. */
  Event outcome(Command c, long nowMillis) {
    try {
      return new Event.CommandCompleted(c.id(), carryOut(c, nowMillis));
    } catch (CommandFault f) {
      return new Event.CommandFailed(c.id(), f.error());
    }
  }

  /** As {@link #outcome} for a call of {@code service}, the service {@link ServiceCalls#resolve} found for it. */
  Event called(dev.weft.server.services.ServiceDefinition service, Command.CallService c) {
    try {
      return new Event.CommandCompleted(c.id(), services.call(service, c));
    } catch (CommandFault f) {
      return new Event.CommandFailed(c.id(), f.error());
    }
  }

  /** The command's result, or a {@link CommandFault} with its RFC 7807 error. */
  JsonNode carryOut(Command c, long nowMillis) throws CommandFault {
    return switch (c) {
      case Command.CallService s -> services.call(s);
      case Command.CallHttp h -> http.call(h);
      case Command.CallOpenApi o -> openApi.call(o);
      case Command.CallMcp m -> mcp.call(m);
      case Command.CallA2a a -> a2a.call(a);
      case Command.RunShell r -> ShellRunner.run(r);
      case Command.RunScript r -> ScriptRunner.run(r);
      case Command.Emit e -> publish(emitted(e, nowMillis), e.step());
      case Command.RunWorkflow w -> throw new CommandFault("runtime", 501, "Not supported",
          "run: workflow is not carried out by this runtime yet", w.step());
      case Command.Listen l -> throw new IllegalArgumentException("a listen is not carried out: events are delivered to it");
      case Command.StartTimer t -> throw new IllegalArgumentException("timers are not carried out here");
      case Command.Complete done -> throw new IllegalArgumentException("not an effect");
      case Command.Fail fail -> throw new IllegalArgumentException("not an effect");
    };
  }

  /**
   * Hands the event to the sink; a sink that fails makes the emit a communication fault, except
   * when the database is away: that is thrown, so the entry stays pending and is tried again.
   */
  private JsonNode publish(JsonNode event, String step) throws CommandFault {
    try {
      sink.publish(event);
    } catch (StoreUnavailableException away) { // not the event's fault: the entry is carried out again later
      throw away;
    } catch (RuntimeException ex) {
      throw new CommandFault("communication", 503, "Event not delivered", String.valueOf(ex.getMessage()), step);
    }
    return event;
  }

  /** The event as sent, as a CloudEvent: with an id (the command id), a time and {@code specversion} 1.0 when it has none. */
  private static JsonNode emitted(Command.Emit e, long nowMillis) {
    ObjectNode event = e.event() != null && e.event().isObject() ? e.event().deepCopy() : JSON.createObjectNode();
    if (!event.has("id")) {
      event.put("id", e.id());
    }
    if (!event.has("specversion")) {
      event.put("specversion", "1.0");
    }
    if (!event.has("time")) {
      event.put("time", Instant.ofEpochMilli(nowMillis).toString());
    }
    return event;
  }
}
