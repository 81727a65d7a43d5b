package dev.weft.server.api.workflows;

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
import dev.weft.store.Definition;
import dev.weft.store.DefinitionStore;
import dev.weft.workflow.plan.Plan;
import dev.weft.workflow.plan.PlanCompiler;
import dev.weft.workflow.read.WorkflowValidationException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workflow definitions: {@code POST /api/v1/workflows} stores a document (YAML or JSON) as the
 * next version of {@code namespace/name}; GETs list names and read versions.
 */
public final class DefinitionResource implements ApiResource {
  static final String BASE = "/api/v1/workflows";
  static final int MAX_NAME = 200;
  private static final List<String> DOCUMENT_TYPES = List.of("application/yaml", "application/x-yaml", "text/yaml",
      "application/json");

  private final WorkflowEngine engine;
  private final DefinitionStore store;

  public DefinitionResource(WorkflowEngine engine, DefinitionStore store) {
    this.engine = engine;
    this.store = store;
  }

  @Override
  public void register(RouteRegistry routes) {
    Param ns = Param.path("namespace", "the document's document.namespace");
    Param name = Param.path("name", "the document's document.name");
    routes.add(new ApiRoute(HandlerType.POST, BASE, Access.OPERATE,
        "Store a workflow document (DSL 1.0, YAML or JSON) as the next version of its namespace/name",
        List.of(), new ApiRoute.RequestBody(DOCUMENT_TYPES, Schemas.object(Map.of(
            "document", Schemas.any()), "document").put("additionalProperties", true)
            .put("description", "a Serverless Workflow DSL 1.0 document")),
        Map.of(201, "stored (or the same text was already stored: that version)",
            422, "not a valid workflow: every problem with its JSON pointer"), this::define));
    routes.add(new ApiRoute(HandlerType.GET, BASE, Access.READ, "List workflow names with their versions",
        List.of(Param.query("limit", Schemas.integer(1, 1000), "page size (default 100)"),
            Param.query("cursor", Schemas.string(), "the 'next' of the previous page")),
        null, Map.of(200, "a page of workflows"), this::list));
    routes.add(new ApiRoute(HandlerType.GET, BASE + "/{namespace}/{name}", Access.READ,
        "The latest version of a workflow, and the list of its versions", List.of(ns, name), null,
        Map.of(200, "the workflow", 404, "no such workflow"), this::latest));
    routes.add(new ApiRoute(HandlerType.GET, BASE + "/{namespace}/{name}/versions/{version}", Access.READ,
        "One version of a workflow", List.of(ns, name, new Param("version", "path", true, Schemas.integer(1,
            Integer.MAX_VALUE), "the version number")), null,
        Map.of(200, "the version", 404, "no such workflow or version"), this::version));
  }

  private void define(Context ctx) {
    String text = utf8(Bodies.read(ctx, DOCUMENT_TYPES));
    if (text.isBlank()) {
      throw ProblemException.badRequest(FieldError.at("", "the request body is empty; send a workflow document"));
    }
    try {
      Plan plan = PlanCompiler.compile(text);
      String full = plan.document().path("document").path("namespace").asText("default") + "/"
          + plan.document().path("document").path("name").asText("unnamed");
      if (full.length() > MAX_NAME) {
        throw ProblemException.unprocessable("invalid-workflow", "Invalid workflow", "namespace/name is too long",
            List.of(FieldError.at("/document/name", "namespace/name is " + full.length()
                + " characters; at most " + MAX_NAME)));
      }
      Definition d = engine.define(text);
      ctx.header("Location", BASE + "/" + d.name() + "/versions/" + d.version());
      Replies.json(ctx, 201, view(d, false));
    } catch (WorkflowValidationException e) {
      throw ProblemException.unprocessable("invalid-workflow", "Invalid workflow",
          e.problems().size() + " problem(s) in the workflow document",
          e.problems().stream().map(p -> FieldError.at(p.pointer(), p.message())).toList());
    }
  }

  private void list(Context ctx) {
    int limit = QueryParams.integer(ctx, "limit", 1, 1000, 100);
    String after = QueryParams.string(ctx, "cursor").map(Cursor::decode).orElse(null);
    List<String> names = store.names(after, limit + 1);
    List<Map<String, Object>> items = names.stream().limit(limit).map(n -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", n);
      item.put("versions", store.versions(n));
      return item;
    }).toList();
    String next = names.size() > limit ? Cursor.encode(names.get(limit - 1)) : null;
    Replies.json(ctx, 200, new Page<>(items, next));
  }

  private void latest(Context ctx) {
    String n = ctx.pathParam("namespace") + "/" + ctx.pathParam("name");
    Definition d = store.latest(n).orElseThrow(() -> ProblemException.notFound("no workflow " + n));
    Map<String, Object> body = view(d, true);
    body.put("versions", store.versions(n));
    Replies.json(ctx, 200, body);
  }

  private void version(Context ctx) {
    String n = ctx.pathParam("namespace") + "/" + ctx.pathParam("name");
    int v;
    try {
      v = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(FieldError.param("version", "must be an integer, got '"
          + abbreviate(ctx.pathParam("version")) + "'"));
    }
    Definition d = store.find(n, v).orElseThrow(() -> ProblemException.notFound("no version " + v + " of workflow " + n));
    Replies.json(ctx, 200, view(d, true));
  }

  static Map<String, Object> view(Definition d, boolean withDocument) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("version", d.version());
    m.put("storedAt", d.storedAt().toString());
    if (withDocument) {
      m.put("document", d.body());
    }
    return m;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.badRequest(FieldError.at("", "the document is not UTF-8 text"));
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
