package dev.weft.server.api.jobs;

import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.Param;
import dev.weft.server.api.ProblemException;
import dev.weft.server.api.Replies;
import dev.weft.server.api.RouteRegistry;
import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import dev.weft.store.NodeState;
import dev.weft.store.NotFoundException;
import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import dev.weft.store.TaskRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes: list them with their state and how many tasks each holds; drain (no new tasks, the
 * running ones finish), cordon (no new tasks) and uncordon (back to up). Only up nodes are planned on.
 */
final class NodeResource implements ApiResource {
  static final String BASE = "/api/v1/nodes";

  private final Database db;
  private final Clock clock;

  NodeResource(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void register(RouteRegistry routes) {
    Param id = Param.path("id", "the node id");
    routes.add(new ApiRoute(HandlerType.GET, BASE, Access.READ, "Every node: state, capacity, labels, tasks held",
        List.of(), null, Map.of(200, "the nodes"), this::list));
    Map<Integer, String> answers = Map.of(200, "the node in its new state", 404, "no such node",
        409, "the node's state does not allow it");
    routes.add(new ApiRoute(HandlerType.POST, BASE + "/{id}/drain", Access.ADMIN,
        "Drain a node: no new tasks; the ones it holds finish", List.of(id), null, answers, ctx -> set(ctx, NodeState.DRAINING)));
    routes.add(new ApiRoute(HandlerType.POST, BASE + "/{id}/cordon", Access.ADMIN,
        "Cordon a node: no new tasks", List.of(id), null, answers, ctx -> set(ctx, NodeState.CORDONED)));
    routes.add(new ApiRoute(HandlerType.POST, BASE + "/{id}/uncordon", Access.ADMIN,
        "Put a drained or cordoned node back in service", List.of(id), null, answers, ctx -> set(ctx, NodeState.UP)));
  }

  private void list(Context ctx) {
    Map<String, Integer> holding = new HashMap<>();
    for (TaskRecord t : db.tasks().holding(Integer.MAX_VALUE)) {
      holding.merge(t.nodeId(), 1, Integer::sum);
    }
    Replies.json(ctx, 200, Map.of("items",
        db.nodes().list().stream().map(n -> Views.node(n, holding.getOrDefault(n.id(), 0))).toList()));
  }

  private void set(Context ctx, NodeState state) {
    String id = ctx.pathParam("id");
    NodeRecord n = db.nodes().find(id).orElseThrow(() -> ProblemException.notFound("no node " + id));
    if (state == NodeState.UP && n.state() == NodeState.DOWN) {
      throw ProblemException.conflict("node " + id + " is down (silent); it comes back up when its agent reports again",
          List.of());
    }
    try {
      NodeRecord after = db.nodes().setState(id, state, clock.instant());
      Replies.json(ctx, 200, Views.node(after, db.tasks().onNode(id).size()));
    } catch (NotFoundException e) {
      throw ProblemException.notFound("no node " + id);
    } catch (StoreUnavailableException e) {
      throw e;
    } catch (StoreException e) {
      throw ProblemException.conflict("node " + id + " (" + n.state() + "): " + e.getMessage(), List.of());
    }
  }
}
