package dev.weft.server.api.jobs;

import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.Param;
import dev.weft.server.api.ProblemException;
import dev.weft.server.logs.LogFeed;
import dev.weft.server.api.Replies;
import dev.weft.server.api.RouteRegistry;
import dev.weft.server.scheduling.TaskExplainer;
import dev.weft.store.Database;
import dev.weft.store.TaskRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Tasks: one task's state and spec, why it waits (the core planner run on the current snapshot),
 * and its output as agents shipped it ({@link TaskLogRoute}).
 */
final class TaskResource implements ApiResource {
  static final String BASE = "/api/v1/tasks";

  private final Database db;
  private final TaskExplainer explainer;
  private final Clock clock;
  private final TaskLogRoute logs;

  TaskResource(Database db, TaskExplainer explainer, Clock clock, LogFeed feed) {
    this.logs = new TaskLogRoute(feed);
    this.db = db;
    this.explainer = explainer;
    this.clock = clock;
  }

  @Override
  public void register(RouteRegistry routes) {
    Param id = Param.path("id", "the task id (a job's tasks are <job>/<n> or the ids given)");
    routes.add(new ApiRoute(HandlerType.GET, BASE + "/<id>/explain", Access.READ,
        "Why a task is pending: the planner's explanation on the current cluster", List.of(id), null,
        Map.of(200, "the explanation", 404, "no such task"), this::explain));
    routes.add(logs.route(BASE + "/<id>/logs", id));
    // registered last: <id> takes slashes (array tasks are job/n), so it would also match the two above
    routes.add(new ApiRoute(HandlerType.GET, BASE + "/<id>", Access.READ, "One task: state, node, times, spec",
        List.of(id), null, Map.of(200, "the task", 404, "no such task"), ctx -> Replies.json(ctx, 200, Views.task(find(ctx)))));
  }

  private void explain(Context ctx) {
    Replies.json(ctx, 200, explainer.explain(find(ctx), clock.instant()));
  }

  private TaskRecord find(Context ctx) {
    String id = ctx.pathParam("id");
    return db.tasks().find(id).orElseThrow(() -> ProblemException.notFound("no task " + id));
  }
}
