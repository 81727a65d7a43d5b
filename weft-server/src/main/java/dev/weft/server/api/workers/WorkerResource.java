package dev.weft.server.api.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.weft.server.runtime.WorkerCalls;
import dev.weft.store.WorkerCall;
import dev.weft.workflow.decide.Errors;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The worker protocol ({@link Access#WORK}: worker, operator and admin tokens) under
 * {@value RouteRegistry#WORKER_PREFIX}: {@code poll} leases calls of worker services waiting on
 * the named queues (a long poll: answered as soon as there are some, or after {@code waitMillis}
 * with none); {@code calls/{id}/heartbeat} keeps a lease; {@code calls/{id}/complete} and
 * {@code calls/{id}/fail} end a call. A call's id on the wire is its stored id (the outbox entry's,
 * which holds slashes) in unpadded base64url, so it is one path segment. Only the worker that holds the call's current lease (its
 * name and the attempt it was handed) may report it: anyone else gets a 409 that says who holds
 * it now. {@code GET /api/v1/worker-calls/{id}} shows a call to readers, its input as stored
 * (secret values masked).
 */
public final class WorkerResource implements ApiResource {
  static final String BASE = RouteRegistry.WORKER_PREFIX;
  static final int MAX_WAIT_MILLIS = 60_000;
  static final int MAX_CALLS = 100;
  static final int MAX_QUEUES = 20;
  private static final Pattern WORKER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Set<String> ERROR_FIELDS = Set.of("type", "status", "title", "detail");
  private final WorkerCalls calls;

  public WorkerResource(WorkerCalls calls) {
    this.calls = calls;
  }

  @Override
  public void register(RouteRegistry routes) {
    Param id = Param.path("id", "the call's id, as poll gave it");
    JsonNode worker = Schemas.string().put("description", "the worker's name, as it polled (1-200 of A-Z a-z 0-9 . _ : @ -)");
    JsonNode attempt = Schemas.integer(1, Integer.MAX_VALUE).put("description", "the attempt poll handed out");
    routes.add(new ApiRoute(HandlerType.POST, BASE + "poll", Access.WORK,
        "Lease calls of worker services waiting on these queues; answered as soon as there are some",
        List.of(), new ApiRoute.RequestBody(List.of("application/json"), Schemas.object(Map.of(
            "worker", worker,
            "queues", JsonNodeFactory.instance.objectNode().put("type", "array").put("minItems", 1)
                .put("maxItems", MAX_QUEUES).set("items", Schemas.string()),
            "max", Schemas.integer(1, MAX_CALLS).put("description", "default 1"),
            "waitMillis", Schemas.integer(0, MAX_WAIT_MILLIS).put("description", "default 0: answer at once")),
            "worker", "queues")),
        Map.of(200, "{calls: [{id, attempt, queue, service, version, operation, input, leaseUntil}]}, maybe empty"),
        this::poll));
    routes.add(new ApiRoute(HandlerType.POST, BASE + "calls/{id}/complete", Access.WORK,
        "End a leased call with its output (checked against the service's output contract)", List.of(id),
        new ApiRoute.RequestBody(List.of("application/json"), Schemas.object(Map.of("worker", worker, "attempt", attempt,
            "output", Schemas.any()), "worker", "attempt", "output")),
        Map.of(200, "{outcome: COMPLETED, or FAILED with the contract fault the instance got}", 404, "no such call",
            409, "the call is not leased to this worker at this attempt"), this::complete));
    routes.add(new ApiRoute(HandlerType.POST, BASE + "calls/{id}/fail", Access.WORK,
        "End a leased call with an error; a retryable one is tried again if the service's contract.retry allows",
        List.of(id), new ApiRoute.RequestBody(List.of("application/json"), Schemas.object(Map.of("worker", worker,
            "attempt", attempt, "error", Schemas.object(Map.of("type", Schemas.string(), "status", Schemas.integer(100, 599),
                "title", Schemas.string(), "detail", Schemas.string()), "title"),
            "retryable", JsonNodeFactory.instance.objectNode().put("type", "boolean").put("description", "default true")),
            "worker", "attempt", "error")),
        Map.of(200, "{outcome: RETRYING with availableAt, or FAILED with the error the instance got}", 404, "no such call",
            409, "the call is not leased to this worker at this attempt"), this::fail));
    routes.add(new ApiRoute(HandlerType.POST, BASE + "calls/{id}/heartbeat", Access.WORK,
        "Keep the lease of a call: it runs the service's lease length from now", List.of(id),
        new ApiRoute.RequestBody(List.of("application/json"), Schemas.object(Map.of("worker", worker, "attempt", attempt),
            "worker", "attempt")),
        Map.of(200, "{leaseUntil}", 404, "no such call", 409, "the call is not leased to this worker at this attempt"),
        this::heartbeat));
    routes.add(new ApiRoute(HandlerType.GET, "/api/v1/worker-calls/{id}", Access.READ,
        "One call of a worker service: its queue, status, attempt, worker and lease (input as stored, secrets masked)",
        List.of(id), null, Map.of(200, "the call", 404, "no such call"), this::get));
  }

  private void poll(Context ctx) {
    WorkerRequests.Poll req = Bodies.json(ctx, WorkerRequests.Poll.class);
    List<FieldError> bad = new ArrayList<>();
    String worker = worker(req.worker(), bad);
    List<String> queues = new ArrayList<>(new LinkedHashSet<>(req.queues() == null ? List.of() : req.queues()));
    if (queues.isEmpty() || queues.size() > MAX_QUEUES) {
      bad.add(FieldError.at("/queues", "required: 1 to " + MAX_QUEUES + " queue names, got " + queues.size()));
    }
    for (int i = 0; i < queues.size(); i++) {
      if (queues.get(i) == null || !QUEUE.matcher(queues.get(i)).matches()) {
        bad.add(FieldError.at("/queues/" + i, "expected a queue name (1-100 of A-Z a-z 0-9 . _ -), got " + queues.get(i)));
      }
    }
    int max = req.max() == null ? 1 : req.max();
    if (max < 1 || max > MAX_CALLS) {
      bad.add(FieldError.at("/max", "must be 1 to " + MAX_CALLS + ", got " + max));
    }
    int wait = req.waitMillis() == null ? 0 : req.waitMillis();
    if (wait < 0 || wait > MAX_WAIT_MILLIS) {
      bad.add(FieldError.at("/waitMillis", "must be 0 to " + MAX_WAIT_MILLIS + ", got " + wait));
    }
    refuse(bad);
    List<Map<String, Object>> out = new ArrayList<>();
    List<WorkerCalls.Leased> leased;
    try {
      leased = calls.poll(worker, queues, max, Duration.ofMillis(wait));
    } catch (InterruptedException e) { // the server is stopping: nothing was leased by this poll
      Thread.currentThread().interrupt();
      throw ProblemException.unavailable("the server is stopping; poll again (another server, or this one once back)");
    }
    for (WorkerCalls.Leased l : leased) {
      out.add(Map.of("id", wire(l.id()), "attempt", l.attempt(), "queue", l.queue(), "service", l.service(),
          "version", l.version(), "operation", l.operation(), "input", l.input(), "leaseUntil", l.leaseUntil().toString()));
    }
    Replies.json(ctx, 200, Map.of("calls", out));
  }

  private void complete(Context ctx) {
    WorkerRequests.Complete req = Bodies.json(ctx, WorkerRequests.Complete.class);
    List<FieldError> bad = new ArrayList<>();
    String worker = worker(req.worker(), bad);
    int attempt = attempt(req.attempt(), bad);
    if (req.output() == null) {
      bad.add(FieldError.at("/output", "required: the call's output (any JSON value; null is written as null)"));
    }
    refuse(bad);
    reported(ctx, () -> calls.complete(stored(ctx), worker, attempt, req.output()));
  }

  private void fail(Context ctx) {
    WorkerRequests.Fail req = Bodies.json(ctx, WorkerRequests.Fail.class);
    List<FieldError> bad = new ArrayList<>();
    String worker = worker(req.worker(), bad);
    int attempt = attempt(req.attempt(), bad);
    JsonNode error = error(req.error(), bad);
    refuse(bad);
    boolean retryable = req.retryable() == null || req.retryable();
    reported(ctx, () -> calls.fail(stored(ctx), worker, attempt, error, retryable));
  }

  private void heartbeat(Context ctx) {
    WorkerRequests.Heartbeat req = Bodies.json(ctx, WorkerRequests.Heartbeat.class);
    List<FieldError> bad = new ArrayList<>();
    String worker = worker(req.worker(), bad);
    int attempt = attempt(req.attempt(), bad);
    refuse(bad);
    String id = stored(ctx);
    java.time.Instant until = held(() -> calls.heartbeat(id, worker, attempt));
    Replies.json(ctx, 200, Map.of("id", wire(id), "leaseUntil", until.toString()));
  }

  private void get(Context ctx) {
    String id = stored(ctx);
    WorkerCall c = calls.find(id).orElseThrow(() -> ProblemException.notFound("no worker call " + ctx.pathParam("id")));
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", wire(c.id())).put("instanceId", c.instanceId())
        .put("queue", c.queue()).put("service", c.serviceKey()).put("status", c.status().name())
        .put("attempt", c.attempt()).put("worker", c.worker())
        .put("leaseUntil", c.leaseUntil() == null ? null : c.leaseUntil().toString())
        .put("availableAt", c.availableAt().toString()).put("createdAt", c.createdAt().toString())
        .put("endedAt", c.endedAt() == null ? null : c.endedAt().toString())
        .put("deadlineAt", c.deadlineAt() == null ? null : c.deadlineAt().toString());
    out.set("input", c.input());
    Replies.json(ctx, 200, out);
  }

  private void reported(Context ctx, java.util.function.Supplier<WorkerCalls.Reported> report) {
    WorkerCalls.Reported r = held(report);
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", ctx.pathParam("id")).put("outcome", r.outcome().name());
    if (r.error() != null) {
      out.set("error", r.error());
    }
    if (r.availableAt() != null) {
      out.put("availableAt", r.availableAt().toString());
    }
    Replies.json(ctx, 200, out);
  }

  /** What a worker's request on a call gave: an unknown call is a 404, a lease it does not hold a 409. */
  private static <T> T held(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (WorkerCalls.UnknownCallException e) {
      throw ProblemException.notFound(e.getMessage());
    } catch (WorkerCalls.LeaseLostException e) {
      throw ProblemException.conflict(e.getMessage(), List.of(FieldError.at("/attempt", "not the current lease")));
    }
  }

  /** A stored call id as one path segment. */
  static String wire(String storedId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(storedId.getBytes(StandardCharsets.UTF_8));
  }

  /** The stored id of the path's {@code {id}}; one that is not base64url names no call (404). */
  private static String stored(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      return new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("no worker call " + id + " (ids are as poll gives them)");
    }
  }

  private static String worker(String worker, List<FieldError> bad) {
    if (worker == null || !WORKER.matcher(worker).matches()) {
      bad.add(FieldError.at("/worker", "required: the worker's name (1-200 of A-Z a-z 0-9 . _ : @ -), got "
          + (worker == null ? "nothing" : "'" + worker + "'")));
    }
    return worker;
  }

  private static int attempt(Integer attempt, List<FieldError> bad) {
    if (attempt == null || attempt < 1) {
      bad.add(FieldError.at("/attempt", "required: the attempt poll handed out (1 or more), got " + attempt));
      return 0;
    }
    return attempt;
  }

  /**
   * The error as the instance gets it: {@code type} a standard kind (e.g. {@code communication})
   * or an absolute URI (default {@code runtime}), {@code status} (default 500), {@code title}, {@code detail}.
   */
  private static JsonNode error(JsonNode e, List<FieldError> bad) {
    if (e == null || !e.isObject()) {
      bad.add(FieldError.at("/error", "required: {type, status, title, detail}"));
      return null;
    }
    e.fieldNames().forEachRemaining(f -> {
      if (!ERROR_FIELDS.contains(f)) {
        bad.add(FieldError.at("/error/" + f, "unknown field (known: type, status, title, detail)"));
      }
    });
    JsonNode title = e.get("title");
    if (title == null || !title.isTextual() || title.asText().isBlank()) {
      bad.add(FieldError.at("/error/title", "required: a short summary of what went wrong"));
    }
    JsonNode status = e.get("status");
    if (status != null && (!status.canConvertToInt() || !status.isIntegralNumber() || status.asInt() < 100
        || status.asInt() > 599)) {
      bad.add(FieldError.at("/error/status", "expected an HTTP-like status 100-599, got " + status));
    }
    JsonNode type = e.get("type");
    if (type != null && (!type.isTextual() || type.asText().isBlank())) {
      bad.add(FieldError.at("/error/type", "expected a standard error kind (e.g. communication) or a URI, got " + type));
    }
    JsonNode detail = e.get("detail");
    if (detail != null && !detail.isTextual()) {
      bad.add(FieldError.at("/error/detail", "expected a string, got " + detail));
    }
    if (title == null || !title.isTextual() || (type != null && !type.isTextual())) {
      return null;
    }
    String kind = type == null ? "runtime" : type.asText();
    ObjectNode out = Errors.of("runtime", status == null ? 500 : status.asInt(), title.asText(),
        detail == null ? null : detail.asText(), null);
    out.put("type", kind.contains(":") ? kind : Errors.type(kind));
    if (!out.has("detail") || out.get("detail").isNull()) {
      out.remove("detail");
    }
    out.remove("instance");
    return out;
  }

  private static void refuse(List<FieldError> bad) {
    if (!bad.isEmpty()) {
      throw ProblemException.badRequest("the request has " + bad.size() + " problem(s)", bad);
    }
  }
}
