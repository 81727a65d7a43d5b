package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.FieldError;
import dev.weft.server.api.Param;
import dev.weft.server.api.ProblemException;
import dev.weft.server.api.Replies;
import dev.weft.server.api.RouteRegistry;
import dev.weft.server.api.Schemas;
import dev.weft.server.api.StrictJson;
import dev.weft.server.runtime.EventDelivery;
import dev.weft.server.runtime.InstanceOperations;
import dev.weft.server.runtime.OperationRefusedException;
import dev.weft.server.runtime.UnknownInstanceException;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an operator does to a running instance: cancel, suspend, resume, retry from the failed
 * step, signal it with a CloudEvent; and publishing a CloudEvent to every instance listening for
 * it. A refused operation (the instance's status does not allow it) is a 409 problem saying why.
 */
public final class InstanceOperationsResource implements ApiResource {
  static final List<String> EVENT_TYPES = List.of("application/json", "application/cloudevents+json");
  private static final List<String> REASON_TYPES = List.of("application/json");

  private final InstanceOperations operations;
  private final EventDelivery delivery;
  private final InstanceStore instances;

  public InstanceOperationsResource(InstanceOperations operations, EventDelivery delivery, InstanceStore instances) {
    this.operations = operations;
    this.delivery = delivery;
    this.instances = instances;
  }

  /** The optional body of cancel and suspend. */
  record Reason(String reason) {}

  @Override
  public void register(RouteRegistry routes) {
    Param id = Param.path("id", "the instance id");
    ApiRoute.RequestBody reason = new ApiRoute.RequestBody(REASON_TYPES,
        Schemas.object(Map.of("reason", Schemas.string().put("description", "why (kept in the history)"))));
    Map<Integer, String> answers = Map.of(200, "done: the instance's new status", 404, "no such instance",
        409, "the instance's status does not allow it (the problem says why)");
    routes.add(new ApiRoute(HandlerType.POST, InstanceResource.BASE + "/{id}/cancel", Access.OPERATE,
        "Cancel a pending, running or suspended instance", List.of(id), reason, answers,
        ctx -> answer(ctx, () -> operations.cancel(ctx.pathParam("id"), reason(ctx, "cancelled through the API")))));
    routes.add(new ApiRoute(HandlerType.POST, InstanceResource.BASE + "/{id}/suspend", Access.OPERATE,
        "Suspend a running instance (it issues nothing new until resumed)", List.of(id), reason, answers,
        ctx -> answer(ctx, () -> operations.suspend(ctx.pathParam("id"), reason(ctx, "suspended through the API")))));
    routes.add(new ApiRoute(HandlerType.POST, InstanceResource.BASE + "/{id}/resume", Access.OPERATE,
        "Resume a suspended instance", List.of(id), null, answers,
        ctx -> answer(ctx, () -> operations.resume(ctx.pathParam("id")))));
    routes.add(new ApiRoute(HandlerType.POST, InstanceResource.BASE + "/{id}/retry", Access.OPERATE,
        "Run a failed instance again from the step whose command failed", List.of(id), null, answers,
        ctx -> answer(ctx, () -> operations.retryFromFailedStep(ctx.pathParam("id")))));
    routes.add(new ApiRoute(HandlerType.POST, InstanceResource.BASE + "/{id}/signal", Access.OPERATE,
        "Deliver a CloudEvent to one instance", List.of(id), new ApiRoute.RequestBody(EVENT_TYPES, cloudEvent()),
        Map.of(200, "delivered: consumed tells whether an open listen took it", 404, "no such instance"), this::signal));
    routes.add(new ApiRoute(HandlerType.POST, "/api/v1/events", Access.OPERATE,
        "Publish a CloudEvent to every running or suspended instance whose listen takes it, and start"
        + " the workflows whose schedule.on it triggers", List.of(),
        new ApiRoute.RequestBody(EVENT_TYPES, cloudEvent()),
        Map.of(200, "consumedBy: the ids of the instances that consumed it; started: the ids of the instances it started"),
        this::publish));
  }

  private static JsonNode cloudEvent() {
    return Schemas.object(Map.of("type", Schemas.string(), "source", Schemas.string(), "id", Schemas.string(),
        "data", Schemas.any()), "type").put("additionalProperties", true);
  }

  private void answer(Context ctx, Supplier<InstanceStatus> op) {
    String id = ctx.pathParam("id");
    try {
      InstanceStatus s = op.get();
      Replies.json(ctx, 200, Map.of("id", id, "status", s.name()));
    } catch (UnknownInstanceException e) {
      throw ProblemException.notFound("no instance " + id);
    } catch (OperationRefusedException e) {
      throw ProblemException.conflict(e.getMessage(), List.of());
    }
  }

  private static String reason(Context ctx, String fallback) {
    if (ctx.req().getContentLengthLong() <= 0 && ctx.contentType() == null) {
      return fallback;
    }
    byte[] body = Bodies.read(ctx, REASON_TYPES);
    if (body.length == 0) {
      return fallback;
    }
    Reason r = StrictJson.read(body, Reason.class);
    return r == null || r.reason() == null || r.reason().isBlank() ? fallback : r.reason();
  }

  private void signal(Context ctx) {
    String id = ctx.pathParam("id");
    JsonNode event = event(ctx);
    if (instances.find(id).isEmpty()) {
      throw ProblemException.notFound("no instance " + id);
    }
    try {
      boolean consumed = delivery.signal(id, event);
      Replies.json(ctx, 200, Map.of("id", id, "consumed", consumed));
    } catch (UnknownInstanceException e) {
      throw ProblemException.notFound("no instance " + id);
    }
  }

  private void publish(Context ctx) {
    JsonNode event = event(ctx);
    EventDelivery.Delivered d = delivery.deliver(event);
    Replies.json(ctx, 200, Map.of("consumedBy", d.consumedBy(), "started", d.started()));
  }

  /** The body as a CloudEvent: an object with a non-empty {@code type}. */
  private static JsonNode event(Context ctx) {
    JsonNode e = StrictJson.read(Bodies.read(ctx, EVENT_TYPES), JsonNode.class);
    if (e == null || !e.isObject()) {
      throw ProblemException.badRequest(FieldError.at("", "a CloudEvent must be a JSON object"));
    }
    if (!e.path("type").isTextual() || e.path("type").asText().isBlank()) {
      throw ProblemException.badRequest(FieldError.at("/type", "a CloudEvent needs a type (a non-empty string)"));
    }
    for (String f : List.of("source", "id", "specversion", "subject", "datacontenttype", "time")) {
      if (e.has(f) && !e.get(f).isTextual()) {
        throw ProblemException.badRequest(FieldError.at("/" + f, "must be a string"));
      }
    }
    return e;
  }
}
