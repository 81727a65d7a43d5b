package dev.weft.server.api.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.weft.server.services.BuiltinServices;
import dev.weft.server.services.InvalidServiceException;
import dev.weft.server.services.ServiceDefinition;
import dev.weft.server.services.ServiceReader;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.store.ConflictException;
import dev.weft.store.ServiceRecord;
import dev.weft.store.ServiceStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Services: {@code POST /api/v1/services} registers a {@code kind: service} document (YAML or
 * JSON) as a version of its name; {@code PUT /api/v1/services/{name}} does the same for the named
 * service (a replacement is a new version: a stored version never changes); GETs list services
 * and read versions. The builtins ({@code square}) are listed and readable without registration.
 */
public final class ServiceResource implements ApiResource {
  static final String BASE = "/api/v1/services";
  private static final List<String> DOCUMENT_TYPES = List.of("application/yaml", "application/x-yaml", "text/yaml",
      "application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServiceRegistry registry;
  private final ServiceStore store;
  private final Clock clock;
  private final BiConsumer<ServiceDefinition, Instant> registered;

  /** {@code registered} hears of each version stored (its limits may let waiting calls in). */
  public ServiceResource(ServiceRegistry registry, ServiceStore store, Clock clock,
      BiConsumer<ServiceDefinition, Instant> registered) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
    this.registered = registered;
  }

  @Override
  public void register(RouteRegistry routes) {
    Param name = Param.path("name", "the service's name");
    ApiRoute.RequestBody body = new ApiRoute.RequestBody(DOCUMENT_TYPES, Schemas.object(Map.of(
        "kind", Schemas.string().put("description", "service"),
        "name", Schemas.string(), "version", Schemas.string(),
        "description", Schemas.string(),
        "interface", Schemas.any().put("description", "{operation, input, output}"),
        "contract", Schemas.any().put("description", "{input, output (JSON Schemas), timeout, retry, idempotent, concurrency, rateLimit}"),
        "behaviour", Schemas.any().put("description", "exactly one of builtin: NAME, process: {...}, http: {endpoint, method}")),
        "kind", "name", "version", "behaviour").put("description", "a kind: service document (docs/services.md)"));
    Map<Integer, String> stored = Map.of(201, "stored (or the same document was already stored: that version)",
        409, "that version is already stored with another document",
        422, "not a valid service document: every problem with its JSON pointer");
    routes.add(new ApiRoute(HandlerType.POST, BASE, Access.OPERATE,
        "Register a service document (YAML or JSON) as a version of its name", List.of(), body, stored, this::define));
    routes.add(new ApiRoute(HandlerType.PUT, BASE + "/{name}", Access.OPERATE,
        "Register a new version of the named service (a stored version never changes)", List.of(name), body,
        stored, this::replace));
    routes.add(new ApiRoute(HandlerType.GET, BASE, Access.READ, "List services with their versions (builtins first)",
        List.of(Param.query("limit", Schemas.integer(1, 1000), "page size (default 100)"),
            Param.query("cursor", Schemas.string(), "the 'next' of the previous page")),
        null, Map.of(200, "a page of services"), this::list));
    routes.add(new ApiRoute(HandlerType.GET, BASE + "/{name}", Access.READ,
        "The latest version of a service (or the builtin of that name), and the list of its versions", List.of(name),
        null, Map.of(200, "the service", 404, "no such service"), this::latest));
    routes.add(new ApiRoute(HandlerType.GET, BASE + "/{name}/versions/{version}", Access.READ, "One version of a service",
        List.of(name, Param.path("version", "the document's version, e.g. 1.0.0")), null,
        Map.of(200, "the version", 404, "no such service or version"), this::version));
  }

  private void define(Context ctx) {
    store(ctx, null);
  }

  private void replace(Context ctx) {
    store(ctx, ctx.pathParam("name"));
  }

  private void store(Context ctx, String pathName) {
    String text = utf8(Bodies.read(ctx, DOCUMENT_TYPES));
    if (text.isBlank()) {
      throw ProblemException.badRequest(FieldError.at("", "the request body is empty; send a kind: service document"));
    }
    try {
      ServiceDefinition s = ServiceReader.read(text);
      if (pathName != null && !pathName.equals(s.name())) {
        throw ProblemException.badRequest(FieldError.at("/name", "the document names service '" + s.name()
            + "' but the path names '" + pathName + "'"));
      }
      Instant now = clock.instant();
      ServiceRecord r = registry.define(text, now);
      registered.accept(s, now);
      ctx.header("Location", BASE + "/" + r.name() + "/versions/" + r.version());
      Replies.json(ctx, 201, view(r, false));
    } catch (InvalidServiceException e) {
      throw ProblemException.unprocessable("invalid-service", "Invalid service",
          e.problems().size() + " problem(s) in the service document",
          e.problems().stream().map(p -> FieldError.at(p.pointer(), p.message())).toList());
    } catch (ConflictException e) {
      throw ProblemException.conflict(e.getMessage(), List.of(FieldError.at("/version", "already stored with another document")));
    }
  }

  private void list(Context ctx) {
    int limit = QueryParams.integer(ctx, "limit", 1, 1000, 100);
    Optional<String> cursor = QueryParams.string(ctx, "cursor");
    List<Map<String, Object>> items = new ArrayList<>();
    if (cursor.isEmpty()) {
      BuiltinServices.find("square").ifPresent(b -> items.add(summary(b.name(), List.of(b.version()), true)));
    }
    List<String> names = store.names(cursor.orElse(null), limit + 1);
    names.stream().limit(limit).forEach(n -> items.add(summary(n,
        store.versions(n).stream().map(ServiceRecord::version).toList(), false)));
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("items", items);
    page.put("next", names.size() > limit ? names.get(limit - 1) : null);
    Replies.json(ctx, 200, page);
  }

  private void latest(Context ctx) {
    String n = ctx.pathParam("name");
    Optional<ServiceRecord> r = store.latest(n);
    if (r.isPresent()) {
      Map<String, Object> body = view(r.get(), true);
      body.put("versions", store.versions(n).stream().map(ServiceRecord::version).toList());
      Replies.json(ctx, 200, body);
      return;
    }
    ServiceDefinition b = BuiltinServices.find(n).orElseThrow(() -> ProblemException.notFound("no service " + n));
    Map<String, Object> body = new LinkedHashMap<>(summary(b.name(), List.of(b.version()), true));
    body.put("version", b.version());
    body.put("document", b.document());
    Replies.json(ctx, 200, body);
  }

  private void version(Context ctx) {
    String n = ctx.pathParam("name");
    String v = ctx.pathParam("version");
    ServiceRecord r = store.find(n, v).orElseThrow(() -> ProblemException.notFound("no version " + v + " of service " + n));
    Replies.json(ctx, 200, view(r, true));
  }

  private static Map<String, Object> summary(String name, List<String> versions, boolean builtin) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("versions", versions);
    m.put("builtin", builtin);
    return m;
  }

  private static Map<String, Object> view(ServiceRecord r, boolean withDocument) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("version", r.version());
    m.put("revision", r.revision());
    m.put("storedAt", r.storedAt().toString());
    if (withDocument) {
      m.put("document", parse(r.body()));
    }
    return m;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      ObjectNode n = JSON.createObjectNode();
      n.put("unreadable", e.getMessage());
      return n;
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.badRequest(FieldError.at("", "the document is not UTF-8 text"));
    }
  }
}
