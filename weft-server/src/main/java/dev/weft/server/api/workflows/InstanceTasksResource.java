package dev.weft.server.api.workflows;

import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.Param;
import dev.weft.server.api.ProblemException;
import dev.weft.server.api.Replies;
import dev.weft.server.api.RouteRegistry;
import dev.weft.store.CommandTask;
import dev.weft.store.Database;
import dev.weft.store.TaskRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/instances/{id}/tasks}: the tasks an instance's {@code run: shell} steps and
 * {@code process} service calls became (in server mode), with where and how they ran. Each task is
 * also under {@code /api/v1/tasks/{taskId}} and its one-task job under {@code /api/v1/jobs/{taskId}}.
 */
public final class InstanceTasksResource implements ApiResource {
  private final Database db;

  public InstanceTasksResource(Database db) {
    this.db = db;
  }

  @Override
  public void register(RouteRegistry routes) {
    routes.add(new ApiRoute(HandlerType.GET, InstanceResource.BASE + "/{id}/tasks", Access.READ,
        "The tasks the instance's shell steps and process service calls became, in submission order",
        List.of(Param.path("id", "the instance id")), null,
        Map.of(200, "the tasks (empty when none)", 404, "no such instance"), this::list));
  }

  private void list(Context ctx) {
    String id = ctx.pathParam("id");
    if (db.instances().find(id).isEmpty()) {
      throw ProblemException.notFound("no instance " + id);
    }
    List<Map<String, Object>> items = db.commandTasks().ofInstance(id).stream().map(this::view).toList();
    Replies.json(ctx, 200, Map.of("items", items));
  }

  private Map<String, Object> view(CommandTask link) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", link.commandId());
    m.put("taskId", link.taskId());
    m.put("service", link.service());
    m.put("submittedAt", link.submittedAt().toString());
    m.put("deliveredAt", link.deliveredAt() == null ? null : link.deliveredAt().toString());
    Optional<TaskRecord> t = db.tasks().find(link.taskId());
    t.ifPresent(task -> {
      m.put("status", task.status().name());
      m.put("nodeId", task.nodeId());
      m.put("attempt", task.attempt());
      m.put("queue", task.queue());
      m.put("priority", task.priority());
      m.put("exitCode", task.exitCode());
    });
    return m;
  }
}
