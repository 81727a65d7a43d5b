package dev.weft.server.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.codec.DurationParser;
import dev.weft.workflow.plan.DataSchema;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@code kind: service} document (YAML or JSON): {@code name}, {@code version},
 * {@code description}, {@code interface: {operation, input, output}}, {@code contract: {input,
 * output (JSON Schemas), timeout, retry, idempotent}} and {@code behaviour}: exactly one of
 * {@code builtin: NAME}, {@code process: {...}} (see {@link TaskTemplate}), {@code http:
 * {endpoint, method}}, {@code workflow: {namespace, name, version}} or {@code worker: {queue, lease}}. Every problem is reported
 * with its JSON pointer; unknown fields are problems.
 */
public final class ServiceReader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final List<String> TOP = List.of("kind", "name", "version", "description", "interface", "contract",
      "behaviour");
  private static final List<String> INTERFACE = List.of("operation", "input", "output");
  private static final List<String> CONTRACT = List.of("input", "output", "timeout", "retry", "idempotent", "concurrency",
      "rateLimit");
  private static final List<String> BEHAVIOURS = List.of("builtin", "process", "http", "workflow", "worker");
  private static final List<String> WORKER = List.of("queue", "lease", "timeout");
  /** The longest lease a worker service may ask for: a worker that needs longer sends heartbeats. */
  private static final long LONGEST_LEASE_MILLIS = 3_600_000;
  /** The longest a whole worker call may be given ({@code behaviour.worker.timeout}). */
  private static final long LONGEST_WORKER_CALL_MILLIS = 30L * 24 * 3600 * 1000;
  private static final List<String> HTTP = List.of("endpoint", "method");
  private static final List<String> WORKFLOW = List.of("namespace", "name", "version");
  /** Namespaces and names of workflow documents, as the DSL's schema allows them. */
  private static final Pattern DSL_NAME = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final YAMLMapper YAML = new YAMLMapper();

  private ServiceReader() {}

  /** Reads YAML or JSON text. @throws InvalidServiceException naming every problem */
  public static ServiceDefinition read(String text) {
    JsonNode doc;
    try {
      doc = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidServiceException(List.of(new ServiceProblem("", "not YAML or JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"))));
    }
    return read(doc);
  }

  /** @throws InvalidServiceException naming every problem */
  public static ServiceDefinition read(JsonNode doc) {
    List<ServiceProblem> problems = new ArrayList<>();
    if (doc == null || !doc.isObject()) {
      throw new InvalidServiceException(List.of(new ServiceProblem("", "a service document must be an object")));
    }
    unknown(doc, TOP, "", problems);
    if (!doc.path("kind").asText("").equals("service")) {
      problems.add(new ServiceProblem("/kind", "must be 'service', got " + shown(doc.get("kind"))));
    }
    String name = doc.path("name").isTextual() ? doc.get("name").asText() : null;
    if (name == null || !NAME.matcher(name).matches()) {
      problems.add(new ServiceProblem("/name", "required: 1-100 of A-Z a-z 0-9 . _ - (starting with a letter or digit), got "
          + shown(doc.get("name"))));
    }
    JsonNode v = doc.get("version");
    String version = v != null && (v.isTextual() || v.isNumber()) ? v.asText() : null;
    if (version == null || version.isBlank() || version.length() > 100) {
      problems.add(new ServiceProblem("/version", "required: a version like \"1.0.0\" (at most 100 characters), got "
          + shown(v)));
    }
    if (doc.has("description") && !doc.get("description").isTextual()) {
      problems.add(new ServiceProblem("/description", "expected a string"));
    }
    String operation = operation(doc.get("interface"), name, problems);
    ServiceDefinition.Contract contract = contract(doc.get("contract"), problems);
    Behaviour behaviour = behaviour(doc.get("behaviour"), problems);
    if (behaviour instanceof Behaviour.Workflow && doc.path("contract").isObject()) {
      composite(doc.get("contract"), problems);
    }
    if (behaviour instanceof Behaviour.Worker && doc.path("contract").has("timeout")) {
      problems.add(new ServiceProblem("/contract/timeout", "a worker call's time is set on its behaviour:"
          + " behaviour.worker.lease (how long a worker holds it without a heartbeat) and behaviour.worker.timeout"
          + " (a limit on the whole call, leases and retries included)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidServiceException(problems);
    }
    return new ServiceDefinition(name, version, operation, contract, behaviour, doc);
  }

  private static String operation(JsonNode iface, String name, List<ServiceProblem> problems) {
    if (iface == null) {
      return name;
    }
    if (!iface.isObject()) {
      problems.add(new ServiceProblem("/interface", "expected {operation, input, output}"));
      return name;
    }
    unknown(iface, INTERFACE, "/interface", problems);
    JsonNode op = iface.get("operation");
    if (op != null && (!op.isTextual() || op.asText().isBlank())) {
      problems.add(new ServiceProblem("/interface/operation", "expected the operation's name, got " + shown(op)));
    }
    return op != null && op.isTextual() ? op.asText() : name;
  }

  private static ServiceDefinition.Contract contract(JsonNode c, List<ServiceProblem> problems) {
    if (c == null) {
      return new ServiceDefinition.Contract(null, null, 0, null, false);
    }
    if (!c.isObject()) {
      problems.add(new ServiceProblem("/contract", "expected {input, output, timeout, retry, idempotent, concurrency, rateLimit}"));
      return null;
    }
    unknown(c, CONTRACT, "/contract", problems);
    JsonNode input = schema(c.get("input"), "/contract/input", problems);
    JsonNode output = schema(c.get("output"), "/contract/output", problems);
    long timeout = 0;
    if (c.has("timeout")) {
      try {
        timeout = DurationParser.millis(c.get("timeout").asText());
      } catch (IllegalArgumentException e) {
        problems.add(new ServiceProblem("/contract/timeout", e.getMessage()));
      }
    }
    JsonNode retry = c.get("retry");
    if (retry != null) {
      RetryPolicy.read(retry, (at, why) -> problems.add(new ServiceProblem("/contract/retry" + at, why)));
    }
    JsonNode idem = c.get("idempotent");
    if (idem != null && !idem.isBoolean()) {
      problems.add(new ServiceProblem("/contract/idempotent", "expected true or false, got " + shown(idem)));
    }
    ContractLimits.Rate rate = ContractLimits.rate(c.get("rateLimit"), problems);
    return new ServiceDefinition.Contract(input, output, timeout, retry, idem != null && idem.asBoolean(),
        ContractLimits.concurrency(c.get("concurrency"), problems), rate.perSecond(), rate.burst());
  }

  private static JsonNode schema(JsonNode schema, String at, List<ServiceProblem> problems) {
    if (schema == null) {
      return null;
    }
    if (!schema.isObject() && !schema.isBoolean()) {
      problems.add(new ServiceProblem(at, "expected a JSON Schema (an object), got " + shown(schema)));
      return null;
    }
    ObjectNode def = YAML.createObjectNode();
    def.set("document", schema);
    DataSchema compiled = DataSchema.compile(def, at);
    if (compiled.refusal() != null) {
      problems.add(new ServiceProblem(at, compiled.refusal().detail()));
      return schema;
    }
    problems.addAll(MetaSchemaCheck.problems(schema, at));
    return schema;
  }

  private static Behaviour behaviour(JsonNode b, List<ServiceProblem> problems) {
    if (b == null || !b.isObject() || b.size() != 1) {
      problems.add(new ServiceProblem("/behaviour", "required: exactly one of builtin, process, http, workflow or worker, got "
          + shown(b)));
      return null;
    }
    String kind = b.fieldNames().next();
    String at = "/behaviour/" + kind;
    JsonNode spec = b.get(kind);
    switch (kind) {
      case "builtin" -> {
        if (!spec.isTextual() || !BuiltinServices.exists(spec.asText())) {
          problems.add(new ServiceProblem(at, "no builtin named " + shown(spec) + " (builtins: square)"));
        }
        return new Behaviour.Builtin(spec.asText());
      }
      case "process" -> {
        problems.addAll(TaskTemplate.check(spec, at));
        return new Behaviour.Process(spec);
      }
      case "http" -> {
        return http(spec, at, problems);
      }
      case "workflow" -> {
        return workflow(spec, at, problems);
      }
      case "worker" -> {
        return worker(spec, at, problems);
      }
      default -> {
        problems.add(new ServiceProblem("/behaviour/" + kind, "unknown behaviour '" + kind + "' (known: "
            + String.join(", ", BEHAVIOURS) + ")"));
        return null;
      }
    }
  }

  private static Behaviour http(JsonNode spec, String at, List<ServiceProblem> problems) {
    if (!spec.isObject()) {
      problems.add(new ServiceProblem(at, "expected {endpoint, method}"));
      return null;
    }
    unknown(spec, HTTP, at, problems);
    String endpoint = spec.path("endpoint").asText("");
    try {
      URI u = URI.create(endpoint);
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        problems.add(new ServiceProblem(at + "/endpoint", "expected an absolute http(s) URL, got " + shown(spec.get("endpoint"))));
      }
    } catch (IllegalArgumentException e) {
      problems.add(new ServiceProblem(at + "/endpoint", "not a URL: " + shown(spec.get("endpoint"))));
    }
    String method = spec.path("method").asText("POST").toUpperCase(java.util.Locale.ROOT);
    if (!METHODS.contains(method)) {
      problems.add(new ServiceProblem(at + "/method", "expected one of GET, POST, PUT, PATCH, DELETE, got "
          + shown(spec.get("method"))));
    }
    return new Behaviour.Http(endpoint, method);
  }

  /**
   * {@code worker: {queue, lease, timeout}}: the queue workers poll for the calls (a name as services
   * have), how long a worker holds a call without a heartbeat (a duration, default 30 s, at most an
   * hour), and how long the whole call may take, leases and retries included (optional; at least the
   * lease, at most 30 days).
   */
  private static Behaviour worker(JsonNode spec, String at, List<ServiceProblem> problems) {
    if (!spec.isObject()) {
      problems.add(new ServiceProblem(at, "expected {queue, lease, timeout}, got " + shown(spec)));
      return null;
    }
    unknown(spec, WORKER, at, problems);
    JsonNode q = spec.get("queue");
    if (q == null || !q.isTextual() || !NAME.matcher(q.asText()).matches()) {
      problems.add(new ServiceProblem(at + "/queue", "required: the queue workers poll, 1-100 of A-Z a-z 0-9 . _ -"
          + " (starting with a letter or digit), got " + shown(q)));
    }
    long lease = within(spec, "lease", at, 1000, LONGEST_LEASE_MILLIS, "1 second and 1 hour", problems)
        .orElse(Behaviour.Worker.DEFAULT_LEASE_MILLIS);
    long timeout = within(spec, "timeout", at, lease, LONGEST_WORKER_CALL_MILLIS,
        "the lease (" + lease / 1000 + " s) and 30 days", problems).orElse(0L);
    return new Behaviour.Worker(q == null ? "" : q.asText(), lease, timeout);
  }

  /**
   * The duration at {@code at/field} in milliseconds; empty when absent, and when not a duration or
   * outside {@code min..max} (the problem said, naming the range as {@code range}).
   */
  private static Optional<Long> within(JsonNode spec, String field, String at, long min, long max, String range,
                                       List<ServiceProblem> problems) {
    JsonNode d = spec.get(field);
    if (d == null) {
      return Optional.empty();
    }
    try {
      long ms = DurationParser.millis(d.isTextual() ? d.asText() : "");
      if (ms < min || ms > max) {
        problems.add(new ServiceProblem(at + "/" + field, "expected between " + range + ", got " + shown(d)));
      }
      return Optional.of(ms);
    } catch (IllegalArgumentException e) {
      problems.add(new ServiceProblem(at + "/" + field, e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * {@code workflow: {namespace, name, version}}: the stored workflow definition a call starts as a
   * child instance. The version is required, as in {@code run: workflow}: a service version always
   * calls the same workflow version.
   */
  private static Behaviour workflow(JsonNode spec, String at, List<ServiceProblem> problems) {
    if (!spec.isObject()) {
      problems.add(new ServiceProblem(at, "expected {namespace, name, version}, got " + shown(spec)));
      return null;
    }
    unknown(spec, WORKFLOW, at, problems);
    JsonNode ns = spec.get("namespace");
    String namespace = ns == null ? "default" : ns.asText();
    if (ns != null && (!ns.isTextual() || !DSL_NAME.matcher(namespace).matches())) {
      problems.add(new ServiceProblem(at + "/namespace", "expected a workflow namespace (1-63 letters, digits and '-'),"
          + " got " + shown(ns)));
    }
    JsonNode n = spec.get("name");
    if (n == null || !n.isTextual() || !DSL_NAME.matcher(n.asText()).matches()) {
      problems.add(new ServiceProblem(at + "/name", "required: the workflow's name (1-63 letters, digits and '-'), got " + shown(n)));
    }
    JsonNode v = spec.get("version");
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      problems.add(new ServiceProblem(at + "/version", "required: the workflow's version as a string, e.g. \"1.0.0\","
          + " got " + shown(v)));
    }
    return new Behaviour.Workflow(namespace, n == null ? "" : n.asText(), v == null ? "" : v.asText());
  }

  /**
   * A composite service is neither timed out nor retried as a whole: its workflow says how long it
   * may take ({@code timeout}) and which of its steps are tried again ({@code try}/{@code retry}).
   */
  private static void composite(JsonNode contract, List<ServiceProblem> problems) {
    for (String field : List.of("timeout", "retry")) {
      if (contract.has(field)) {
        problems.add(new ServiceProblem("/contract/" + field, "not for a workflow behaviour: a call starts a child"
            + " instance, so give the workflow document its own " + (field.equals("timeout") ? "'timeout'"
            : "'try' with 'retry' on the steps to try again") + " instead"));
      }
    }
  }

  static void unknown(JsonNode node, List<String> known, String at, List<ServiceProblem> problems) {
    node.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        problems.add(new ServiceProblem(at + "/" + f.replace("~", "~0").replace("/", "~1"),
            "unknown field '" + f + "' (known: " + String.join(", ", known) + ")"));
      }
    });
  }

  /** A value as a problem message shows it: JSON, cut at 80 characters; "nothing" when absent. */
  static String shown(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    String s = n.toString();
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
