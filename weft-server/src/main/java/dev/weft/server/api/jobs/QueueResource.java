package dev.weft.server.api.jobs;

import dev.weft.model.Resources;
import dev.weft.model.Share;
import dev.weft.model.codec.SpecException;
import dev.weft.model.codec.SpecProblem;
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
import dev.weft.server.scheduling.QueueTrees;
import dev.weft.server.scheduling.QueueUsage;
import dev.weft.server.scheduling.TaskExplainer;
import dev.weft.store.Database;
import dev.weft.store.QueueTree;
import dev.weft.store.StaleVersionException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue tree: each queue's guarantee and max (as configured and resolved against the capacity
 * of the up nodes), what its tasks hold and how many wait; and applying a new tree (JSON or YAML,
 * checked by the model's codec first: a bad tree is a 400 naming each field and line, and the
 * tree in force stays).
 */
final class QueueResource implements ApiResource {
  static final String BASE = "/api/v1/queues";
  static final List<String> TYPES = List.of("application/json", "application/yaml", "application/x-yaml", "text/yaml");

  private final Database db;
  private final Clock clock;
  private final QueueTrees trees;

  QueueResource(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.trees = new QueueTrees(db);
  }

  @Override
  public void register(RouteRegistry routes) {
    routes.add(new ApiRoute(HandlerType.GET, BASE, Access.READ,
        "The queue tree with guarantee, max, used, pending and delayed per queue", List.of(), null,
        Map.of(200, "the queues in tree order; a parent counts its subtree"), this::read));
    routes.add(new ApiRoute(HandlerType.PUT, BASE, Access.ADMIN, "Apply a new queue tree (the next round plans with it)",
        List.of(Param.query("version", Schemas.integer(0, Integer.MAX_VALUE),
            "the version of the tree this one replaces (from GET); default: whatever is in force")),
        new ApiRoute.RequestBody(TYPES, Schemas.any().put("description", "a queue tree (docs/spec-formats.md)")),
        Map.of(200, "applied: the new version", 409, "another tree was applied since the version given"), this::apply));
  }

  private void read(Context ctx) {
    QueueUsage.Report report = QueueUsage.read(db, clock.instant());
    Resources capacity = TaskExplainer.clusterCapacity(db);
    Map<String, Resources> resolvedMax = new HashMap<>();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", db.queueTree().current().map(QueueTree::version).orElse(0L));
    out.put("capacity", Views.resources(capacity));
    out.put("queues", report.queues().stream().map(line -> {
      int dot = line.path().lastIndexOf('.');
      Resources parent = dot < 0 ? capacity : resolvedMax.getOrDefault(line.path().substring(0, dot), capacity);
      Resources max = line.max().resolve(parent);
      resolvedMax.put(line.path(), max);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", line.path());
      m.put("guarantee", share(line.guarantee(), parent));
      m.put("max", share(line.max(), parent));
      m.put("weight", line.weight());
      m.put("used", Views.resources(line.used()));
      m.put("holding", line.holding());
      m.put("pending", line.pending());
      m.put("delayed", line.delayed());
      return m;
    }).toList());
    out.put("unknownQueues", report.unknownQueues());
    Replies.json(ctx, 200, out);
  }

  private static Map<String, Object> share(Share s, Resources parent) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("configured", s.toString());
    m.put("resolved", Views.resources(s.resolve(parent)));
    return m;
  }

  private void apply(Context ctx) {
    String text = utf8(Bodies.read(ctx, TYPES));
    if (text.isBlank()) {
      throw ProblemException.badRequest(FieldError.at("", "the request body is empty; send a queue tree"));
    }
    long current = db.queueTree().current().map(QueueTree::version).orElse(0L);
    long expected = QueryParams.integer(ctx, "version", 0, Integer.MAX_VALUE, (int) current);
    try {
      QueueTree applied = trees.apply(text, "queues", expected, clock.instant());
      Replies.json(ctx, 200, Map.of("version", applied.version(), "updatedAt", applied.updatedAt().toString()));
    } catch (SpecException e) {
      List<FieldError> errors = e.problems().stream()
          .map((SpecProblem p) -> FieldError.at(p.pointer(), (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message()))
          .toList();
      throw ProblemException.badRequest(errors.size() == 1 ? errors.get(0).message() : errors.size() + " problems", errors);
    } catch (StaleVersionException e) {
      throw ProblemException.conflict("another queue tree was applied since version " + expected
          + "; read it again (GET " + BASE + ") and re-apply", List.of(FieldError.param("version", "stale")));
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.badRequest(FieldError.at("", "the tree is not UTF-8 text"));
    }
  }
}
