package dev.weft.server.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.TaskSpec;
import dev.weft.model.codec.SpecCodec;
import dev.weft.model.codec.SpecException;
import dev.weft.model.codec.SpecProblem;
import dev.weft.model.lifecycle.TaskEvent;
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
import dev.weft.server.api.StrictJson;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.server.scheduling.RoundBell;
import dev.weft.server.scheduling.WorkBell;
import dev.weft.store.ConflictException;
import dev.weft.store.Database;
import dev.weft.store.Job;
import dev.weft.store.JobKind;
import dev.weft.store.StaleVersionException;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import dev.weft.model.codec.DurationParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Jobs: submit one task, an array of N or a DAG; list; read one with its tasks' states; cancel. */
final class JobResource implements ApiResource {
  static final String BASE = "/api/v1/jobs";
  static final int MAX_ARRAY = 10_000;
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final int CANCEL_TRIES = 5;
  static final int MAX_TEXT = 200;
  /** The longest {@code delay} a job may ask for. */
  static final Duration MAX_DELAY = Duration.ofDays(366);

  private final Database db;
  private final Clock clock;
  private final Supplier<String> ids;
  private final JobSubmission submission;
  private final WorkBell work;

  JobResource(Database db, Clock clock, Supplier<String> ids) {
    this(db, clock, ids, RoundBell.NONE, new WorkBell());
  }

  /** {@code work}: rung after a cancel, so the agents' waiting polls hand out the kills of its running tasks at once. */
  JobResource(Database db, Clock clock, Supplier<String> ids, RoundBell rounds, WorkBell work) {
    this.db = db;
    this.clock = clock;
    this.ids = ids;
    this.submission = new JobSubmission(db, rounds);
    this.work = work;
  }

  @Override
  public void register(RouteRegistry routes) {
    Param id = Param.path("id", "the job id");
    routes.add(new ApiRoute(HandlerType.POST, BASE, Access.OPERATE, "Submit a job: one task, an array of N, or a DAG",
        List.of(), new ApiRoute.RequestBody(List.of("application/json"), Schemas.object(Map.of(
            "id", Schemas.string().put("description", "job id, " + ID.pattern() + " (default: a new UUID)"),
            "name", Schemas.string().put("description", "run-time history is learned under it (default: the id)"),
            "task", Schemas.any().put("description", "one task (the task format of docs/spec-formats.md)"),
            "count", Schemas.integer(1, MAX_ARRAY).put("description", "with task: that many copies, ids <job>/0..N-1"),
            "tasks", Schemas.any().put("description", "a list of tasks; dependsOn naming others makes a DAG"),
            "notBefore", Schemas.string().put("format", "date-time")
                .put("description", "an ISO-8601 instant before which none of its tasks runs (a delayed job)"),
            "delay", Schemas.string().put("description", "the same as a duration from now: 30s, 5m, 2h, 1d or PT1H;"
                + " not with notBefore")))),
        Map.of(201, "submitted (or the job of this id, already stored): one task's job with its task, an array's or DAG's with taskCount and counts", 409, "a task id belongs to another job"),
        this::submit));
    routes.add(new ApiRoute(HandlerType.GET, BASE, Access.READ, "List jobs, newest first",
        List.of(Param.query("limit", Schemas.integer(1, 1000), "how many (default 100)")), null,
        Map.of(200, "the jobs (without their tasks)"), this::list));
    routes.add(new ApiRoute(HandlerType.GET, BASE + "/{id}", Access.READ, "One job with its tasks' states",
        List.of(id), null, Map.of(200, "the job", 404, "no such job"), this::get));
    routes.add(new ApiRoute(HandlerType.POST, BASE + "/{id}/cancel", Access.OPERATE,
        "Cancel every unfinished task of a job", List.of(id), null,
        Map.of(200, "the job after cancelling", 404, "no such job"), this::cancel));
  }

  private void submit(Context ctx) {
    JobRequest req = StrictJson.read(Bodies.read(ctx, List.of("application/json")), JobRequest.class);
    String jobId = req.id() == null ? ids.get() : req.id();
    if (!ID.matcher(jobId).matches()) {
      throw ProblemException.badRequest(FieldError.at("/id", "must match " + ID.pattern() + ", got '" + shorten(jobId) + "'"));
    }
    String name = req.name() == null || req.name().isBlank() ? jobId : req.name();
    if (name.length() > MAX_TEXT) {
      throw ProblemException.badRequest(FieldError.at("/name", "at most " + MAX_TEXT + " characters, got " + name.length()));
    }
    List<TaskSpec> tasks = tasks(req, jobId);
    checkLengths(tasks, req.tasks() != null);
    Instant now = clock.instant();
    Instant notBefore = notBefore(req, now);
    Job job;
    try {
      job = submission.submit(jobId, name, tasks, now, notBefore);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(FieldError.at(req.tasks() != null ? "/tasks" : "/task", e.getMessage()));
    } catch (ConflictException e) {
      throw ProblemException.conflict(e.getMessage(), List.of(FieldError.at("/id", "in use")));
    }
    ctx.header("Location", BASE + "/" + job.id());
    Replies.json(ctx, 201, job.kind() == JobKind.SINGLE ? Views.job(job, db.tasks().ofJob(job.id()))
        : Views.jobCounts(job, db.tasks().countsOfJob(job.id())));
  }

  /** When the job may run at the earliest: {@code notBefore}, or {@code delay} after {@code now}; null: at once. */
  static Instant notBefore(JobRequest req, Instant now) {
    if (req.notBefore() != null && req.delay() != null) {
      throw ProblemException.badRequest(FieldError.at("/delay", "give notBefore (an instant) or delay (a duration), not both"));
    }
    if (req.notBefore() != null) {
      Instant at;
      try {
        at = Instant.parse(req.notBefore());
      } catch (DateTimeParseException e) {
        throw ProblemException.badRequest(FieldError.at("/notBefore", "expected an ISO-8601 instant like"
            + " 2026-11-24T18:00:00Z, got '" + shorten(req.notBefore()) + "'"));
      }
      if (at.isBefore(Instant.EPOCH) || at.isAfter(now.plus(MAX_DELAY))) {
        throw ProblemException.badRequest(FieldError.at("/notBefore", "must be from 1970 to " + MAX_DELAY.toDays()
            + " days from now, got " + at));
      }
      return at;
    }
    if (req.delay() == null) {
      return null;
    }
    long millis;
    try {
      millis = DurationParser.millis(req.delay());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(FieldError.at("/delay", e.getMessage()));
    }
    if (millis < 0 || millis > MAX_DELAY.toMillis()) {
      throw ProblemException.badRequest(FieldError.at("/delay", "must be 0 to " + MAX_DELAY.toDays() + " days, got '"
          + shorten(req.delay()) + "'"));
    }
    return now.plusMillis(millis);
  }

  private static List<TaskSpec> tasks(JobRequest req, String jobId) {
    if ((req.task() == null) == (req.tasks() == null)) {
      throw ProblemException.badRequest(FieldError.at(req.task() == null ? "/task" : "/tasks",
          "give either task (one task, or with count an array) or tasks (a list), not " + (req.task() == null ? "neither" : "both")));
    }
    if (req.task() != null) {
      if (!req.task().isObject()) {
        throw ProblemException.badRequest(FieldError.at("/task", "must be an object (a task)"));
      }
      ObjectNode t = ((ObjectNode) req.task()).deepCopy();
      t.put("id", t.path("id").isTextual() && req.count() == null ? t.path("id").asText() : jobId);
      checkJob(t, jobId, "/task");
      TaskSpec spec = read(t, "/task");
      if (req.count() == null) {
        return List.of(spec);
      }
      if (req.count() < 1 || req.count() > MAX_ARRAY) {
        throw ProblemException.badRequest(FieldError.at("/count", "must be 1 to " + MAX_ARRAY + ", got " + req.count()));
      }
      return JobSubmission.array(jobId, spec, req.count());
    }
    if (req.count() != null) {
      throw ProblemException.badRequest(FieldError.at("/count", "count goes with task (an array of copies), not with tasks"));
    }
    if (!req.tasks().isArray() || req.tasks().isEmpty()) {
      throw ProblemException.badRequest(FieldError.at("/tasks", "must be a non-empty list of tasks"));
    }
    ArrayNode list = ((ArrayNode) req.tasks()).deepCopy();
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isObject()) {
        throw ProblemException.badRequest(FieldError.at("/tasks/" + i, "must be an object (a task)"));
      }
      checkJob((ObjectNode) list.get(i), jobId, "/tasks/" + i);
    }
    try {
      return SpecCodec.readTasks(list.toString(), "tasks");
    } catch (SpecException e) {
      throw problems(e, "/tasks");
    }
  }

  /** The store keeps task ids and queue names in 200 characters. */
  private static void checkLengths(List<TaskSpec> tasks, boolean list) {
    for (int i = 0; i < tasks.size(); i++) {
      TaskSpec t = tasks.get(i);
      String at = list ? "/tasks/" + i : "/task";
      if (t.id().length() > MAX_TEXT) {
        throw ProblemException.badRequest(FieldError.at(at + "/id", "at most " + MAX_TEXT + " characters, got " + t.id().length()));
      }
      if (t.queue() != null && t.queue().length() > MAX_TEXT) {
        throw ProblemException.badRequest(FieldError.at(at + "/queue", "at most " + MAX_TEXT + " characters, got "
            + t.queue().length()));
      }
    }
  }

  private static void checkJob(ObjectNode t, String jobId, String at) {
    if (t.has("job") && !t.get("job").asText().equals(jobId)) {
      throw ProblemException.badRequest(FieldError.at(at + "/job", "must be this job's id " + jobId + " or left out"));
    }
    t.put("job", jobId);
  }

  private static TaskSpec read(JsonNode t, String at) {
    try {
      return SpecCodec.readTask(t.toString(), "task");
    } catch (SpecException e) {
      throw problems(e, at);
    }
  }

  /** The codec's problems, each named by its pointer under {@code at}. */
  static ProblemException problems(SpecException e, String at) {
    List<FieldError> errors = e.problems().stream().map((SpecProblem p) -> FieldError.at(at + p.pointer(), p.message())).toList();
    return ProblemException.badRequest(errors.size() == 1 ? errors.get(0).message() : errors.size() + " problems", errors);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private void list(Context ctx) {
    int limit = QueryParams.integer(ctx, "limit", 1, 1000, 100);
    Replies.json(ctx, 200, Map.of("items", db.jobs().list(limit).stream().map(Views::jobHead).toList()));
  }

  private void get(Context ctx) {
    Job job = find(ctx.pathParam("id"));
    Replies.json(ctx, 200, Views.job(job, db.tasks().ofJob(job.id())));
  }

  private void cancel(Context ctx) {
    Job job = find(ctx.pathParam("id"));
    for (TaskRecord t : db.tasks().ofJob(job.id())) {
      cancel(t);
    }
    work.ring();
    Replies.json(ctx, 200, Views.job(job, db.tasks().ofJob(job.id())));
  }

  /** Cancels one task unless it has ended; a task changed meanwhile (placed, started) is read again. */
  private void cancel(TaskRecord task) {
    TaskRecord t = task;
    for (int i = 0; i < CANCEL_TRIES && !t.status().terminal(); i++) {
      try {
        db.tasks().apply(TaskChange.of(t.id(), t.version(), TaskEvent.CANCEL, "cancelled through the API"), clock.instant());
        return;
      } catch (StaleVersionException e) {
        t = db.tasks().find(t.id()).orElseThrow();
      }
    }
    if (!t.status().terminal()) {
      throw ProblemException.conflict("task " + t.id() + " kept changing; cancel the job again", List.of());
    }
  }

  private Job find(String id) {
    return db.jobs().find(id).orElseThrow(() -> ProblemException.notFound("no job " + id));
  }
}
