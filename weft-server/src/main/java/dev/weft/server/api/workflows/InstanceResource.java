package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.FieldError;
import dev.weft.server.api.Param;
import dev.weft.server.api.ProblemException;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.Replies;
import dev.weft.server.api.RouteRegistry;
import dev.weft.server.api.Schemas;
import dev.weft.server.runtime.RunResult;
import dev.weft.store.Definition;
import dev.weft.store.DefinitionStore;
import dev.weft.store.EventStore;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Workflow instances: start one ({@code Idempotency-Key}: the same key gives the same
 * instance), read one, list them by status and workflow, read an instance's history.
 * Operations on a running instance (cancel, suspend, resume, retry, signal) register their own
 * routes under {@code /api/v1/instances/{id}/...}.
 */
public final class InstanceResource implements ApiResource {
  static final String BASE = "/api/v1/instances";
  /** The store's column is 200 characters; keys are kept with the prefix {@value #KEY_PREFIX}. */
  static final int MAX_KEY = 190;
  static final String KEY_PREFIX = "api:";

  private final WorkflowEngine engine;
  private final DefinitionStore definitions;
  private final InstanceStore instances;
  private final EventStore events;

  public InstanceResource(WorkflowEngine engine, DefinitionStore definitions, InstanceStore instances, EventStore events) {
    this.engine = engine;
    this.definitions = definitions;
    this.instances = instances;
    this.events = events;
  }

  @Override
  public void register(RouteRegistry routes) {
    Param id = Param.path("id", "the instance id");
    routes.add(new ApiRoute(HandlerType.POST, BASE, Access.OPERATE, "Start an instance of a stored workflow",
        List.of(Param.header("Idempotency-Key", "the same key again returns the same instance (at most "
            + MAX_KEY + " characters)")),
        new ApiRoute.RequestBody(List.of("application/json"), Schemas.object(Map.of(
            "definition", Schemas.string().put("description", "namespace/name of a stored workflow"),
            "version", Schemas.integer(1, Integer.MAX_VALUE).put("description", "default: the latest"),
            "input", Schemas.any().put("description", "the workflow input, default {}")), "definition")),
        Map.of(201, "started (or the instance of this Idempotency-Key)", 404, "no such workflow or version",
            409, "the Idempotency-Key belongs to an instance of another workflow, or was used with another input"),
        this::start));
    routes.add(new ApiRoute(HandlerType.GET, BASE, Access.READ, "List instances, oldest first",
        List.of(Param.query("status", Schemas.enumOf(InstanceStatus.values()), "only instances in this status"),
            Param.query("definition", Schemas.string(), "only instances of this namespace/name"),
            Param.query("limit", Schemas.integer(1, 1000), "page size (default 100)"),
            Param.query("cursor", Schemas.string(), "the 'next' of the previous page")),
        null, Map.of(200, "a page of instances (without output and error)"), this::list));
    routes.add(new ApiRoute(HandlerType.GET, BASE + "/{id}", Access.READ, "One instance: status, and output or error",
        List.of(id), null, Map.of(200, "the instance", 404, "no such instance"), this::get));
    routes.add(new ApiRoute(HandlerType.GET, BASE + "/{id}/history", Access.READ, "The instance's journal, in order",
        List.of(id), null, Map.of(200, "the events", 404, "no such instance"), this::history));
  }

  private void start(Context ctx) {
    StartRequest req = Bodies.json(ctx, StartRequest.class);
    if (req.definition() == null || req.definition().isBlank()) {
      throw ProblemException.badRequest(FieldError.at("/definition", "required: namespace/name of a stored workflow"));
    }
    if (req.version() != null && req.version() < 1) {
      throw ProblemException.badRequest(FieldError.at("/version", "must be at least 1, got " + req.version()));
    }
    Definition def = (req.version() == null ? definitions.latest(req.definition())
        : definitions.find(req.definition(), req.version()))
        .orElseThrow(() -> new ProblemException(404, "https://weft.dev/problems/not-found", "Not found",
            "no workflow " + req.definition() + (req.version() == null ? "" : " version " + req.version()),
            List.of(FieldError.at(req.version() == null ? "/definition" : "/version", "not stored"))));
    String key = idempotencyKey(ctx);
    JsonNode input = req.input() == null || req.input().isNull() ? JsonNodeFactory.instance.objectNode() : req.input();
    String id = engine.start(def.body(), input, KEY_PREFIX + key);
    Instance inst = instances.find(id).orElseThrow(() -> new IllegalStateException("instance " + id + " vanished"));
    if (!inst.definitionName().equals(def.name()) || inst.definitionVersion() != def.version()) {
      throw ProblemException.conflict("Idempotency-Key " + key + " already started instance " + id + " of "
          + inst.definitionName() + " version " + inst.definitionVersion(),
          List.of(FieldError.param("Idempotency-Key", "used for another workflow")));
    }
    if (ctx.header("Idempotency-Key") != null && !input.equals(startedWith(id))) {
      throw ProblemException.conflict("Idempotency-Key " + key + " already started instance " + id
          + " with another input; use a new key for another input",
          List.of(FieldError.param("Idempotency-Key", "used with another input")));
    }
    ctx.header("Location", BASE + "/" + id);
    Replies.json(ctx, 201, InstanceView.of(inst));
  }

  /** The input the instance was started with (its {@code Started} event), null if it has none yet. */
  private JsonNode startedWith(String id) {
    return events.history(id).stream().filter(e -> e.type().equals("Started")).findFirst()
        .map(e -> e.payload().get("input")).orElse(null);
  }

  private static String idempotencyKey(Context ctx) {
    String key = ctx.header("Idempotency-Key");
    if (key == null) {
      return UUID.randomUUID().toString();
    }
    if (key.isBlank() || key.length() > MAX_KEY) {
      throw ProblemException.badRequest(FieldError.param("Idempotency-Key",
          "must be 1 to " + MAX_KEY + " characters, got " + key.length()));
    }
    return key;
  }

  private void list(Context ctx) {
    int limit = QueryParams.integer(ctx, "limit", 1, 1000, 100);
    InstanceFilter f = InstanceFilter.all(limit + 1);
    Optional<InstanceStatus> status = QueryParams.oneOf(ctx, "status", InstanceStatus.class);
    if (status.isPresent()) {
      f = f.withStatus(status.get());
    }
    Optional<String> def = QueryParams.string(ctx, "definition");
    if (def.isPresent()) {
      f = f.withDefinition(def.get());
    }
    Optional<String> cursor = QueryParams.string(ctx, "cursor");
    if (cursor.isPresent()) {
      f = f.after(Cursor.position(cursor.get()));
    }
    List<Instance> found = instances.list(f);
    List<InstanceView> items = found.stream().limit(limit).map(InstanceView::of).toList();
    String next = null;
    if (found.size() > limit) {
      Instance last = found.get(limit - 1);
      next = Cursor.of(new InstanceFilter.Position(last.createdAt(), last.id()));
    }
    Replies.json(ctx, 200, new Page<>(items, next));
  }

  private void get(Context ctx) {
    Instance inst = find(ctx.pathParam("id"));
    RunResult r = engine.result(inst.id());
    Replies.json(ctx, 200, InstanceView.of(inst).withResult(r).withFamily(engine.family(inst.id())));
  }

  private void history(Context ctx) {
    Instance inst = find(ctx.pathParam("id"));
    Replies.json(ctx, 200, Map.of("instanceId", inst.id(), "events",
        events.history(inst.id()).stream().map(EventView::of).toList()));
  }

  private Instance find(String id) {
    return instances.find(id).orElseThrow(() -> ProblemException.notFound("no instance " + id));
  }
}
