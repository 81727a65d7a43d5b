package dev.weft.server.api.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
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
import dev.weft.server.api.agent.AgentWire.Assignment;
import dev.weft.server.api.agent.AgentWire.Change;
import dev.weft.server.api.agent.AgentWire.HeartbeatReply;
import dev.weft.server.api.agent.AgentWire.HeartbeatRequest;
import dev.weft.server.api.agent.AgentWire.Ignored;
import dev.weft.server.api.agent.AgentWire.JoinReply;
import dev.weft.server.api.agent.AgentWire.JoinRequest;
import dev.weft.server.api.agent.AgentWire.PollReply;
import dev.weft.server.api.agent.AgentWire.PollRequest;
import dev.weft.server.api.agent.AgentWire.ReportReply;
import dev.weft.server.api.agent.AgentWire.ReportRequest;
import dev.weft.server.scheduling.AgentDesk;
import dev.weft.server.scheduling.NodeClaims;
import dev.weft.server.scheduling.RunId;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.store.NodeRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * The agent protocol under {@code /api/v1/agent}, open to agent tokens only: {@code join}
 * (register the machine, learn the heartbeat interval), {@code heartbeat}, {@code poll} (long-poll
 * for the tasks placed on the node, answered as soon as some are) and {@code report} (a batch of
 * status changes, applied in order).
 */
public final class AgentResource implements ApiResource {
  static final String BASE = "/api/v1/agent";
  /** The longest a poll may wait. */
  static final int MAX_WAIT_MILLIS = 60_000;
  static final int MAX_STARTS = 1000;
  static final int MAX_CHANGES = 10_000;
  /** The most characters of a stdout tail (the agent sends at most 256 KiB); stderr tails get a tenth. */
  static final int MAX_STDOUT_TAIL = 256 * 1024;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Set<String> STATES = Set.of("RUNNING", "SUSPENDED", "RESUMED", "REJECTED", "SUCCEEDED",
      "FAILED", "OUT_OF_MEMORY", "TIMED_OUT", "KILLED");

  private final AgentDesk desk;
  private final NodeClaims claims;
  private final SchedulingSettings settings;

  public AgentResource(AgentDesk desk, NodeClaims claims, SchedulingSettings settings) {
    this.desk = desk;
    this.claims = claims;
    this.settings = settings;
  }

  /** The route parameter every call but the join carries. */
  static Param secretHeader() {
    return Param.header(NodeClaims.SECRET_HEADER, "the node secret the join answered (required)");
  }

  /**
   * Refuses a call for {@code nodeId} that does not carry its holder's secret: 403, naming the node.
   */
  static void checkHolder(NodeClaims claims, Context ctx, String nodeId) {
    try {
      claims.check(nodeId, ctx.header(NodeClaims.SECRET_HEADER));
    } catch (NodeClaims.NodeNotHeldException e) {
      throw new ProblemException(403, NOT_HELD, "Node held by another agent", e.getMessage(),
          List.of(FieldError.at("/nodeId", "not this agent's node")));
    }
  }

  static final String NOT_HELD = "https://weft.dev/problems/node-not-held";

  @Override
  public void register(RouteRegistry routes) {
    ObjectNode nodeId = Schemas.string().put("description", "the node id the join answered");
    ObjectNode count = Schemas.any().put("type", "integer").put("minimum", 0);
    routes.add(new ApiRoute(HandlerType.POST, BASE + "/join", Access.AGENT,
        "Register this machine as a node (again after a restart); answers the node id and the heartbeat interval",
        List.of(), json(Schemas.object(Map.of(
            "name", Schemas.string().put("description", "the node id asked for: 1-100 of A-Z a-z 0-9 . _ -"),
            "topology", Schemas.string().put("description", "region/zone/rack, default default/default/default"),
            "capacity", Schemas.object(Map.of("cpuMillis", count, "memoryMiB", count, "diskMiB", count, "gpus", count),
                "cpuMillis", "memoryMiB"),
            "labels", Schemas.any().put("type", "object").put("description", "string labels"),
            "enforcement", Schemas.string().put("description", "cgroup-v2, cgroup-v1, rlimit or none"),
            "secret", Schemas.string().put("description", "the node secret an earlier join answered, if kept")),
            "name", "capacity")),
        Map.of(200, "registered: the node id, the heartbeat interval and the node secret to carry from now on",
            409, "another agent holds the node (heard from within the node timeout)"), this::join));
    routes.add(new ApiRoute(HandlerType.POST, BASE + "/heartbeat", Access.AGENT, "Say the node is alive",
        List.of(secretHeader()), json(Schemas.object(Map.of("nodeId", nodeId,
            "running", Schemas.any().put("type", "array").put("description", "run ids of the tasks still running"),
            "suspended", Schemas.any().put("type", "array")
                .put("description", "those of them the agent holds suspended (SIGSTOP or a cgroup freezer)")),
            "nodeId")),
        Map.of(200, "known: false when the server no longer knows the node (join again)",
            403, "the call does not carry the node's secret"), this::heartbeat));
    routes.add(new ApiRoute(HandlerType.POST, BASE + "/poll", Access.AGENT,
        "Wait up to waitMillis for up to maxStarts tasks placed on the node; answered as soon as there are some",
        List.of(secretHeader()), json(Schemas.object(Map.of("nodeId", nodeId,
            "maxStarts", Schemas.integer(0, MAX_STARTS).put("description", "default 16"),
            "waitMillis", Schemas.integer(0, MAX_WAIT_MILLIS).put("description", "default 20000"),
            "running", Schemas.any().put("type", "array").put("description",
                "run ids going on the node now (optional): a kill, suspend or resume about one answers the poll at once"),
            "suspended", Schemas.any().put("type", "array").put("description", "those of them held suspended")),
            "nodeId")),
        Map.of(200, "the assignments (maybe none)", 403, "the call does not carry the node's secret",
            404, "unknown node (join first)"), this::poll));
    routes.add(new ApiRoute(HandlerType.POST, BASE + "/report", Access.AGENT,
        "Report a batch of status changes, in the order they happened; a repeated batch changes nothing",
        List.of(secretHeader()), json(Schemas.object(Map.of("nodeId", nodeId,
            "changes", Schemas.any().put("type", "array").put("description",
                "{taskId (the run id), state, exitCode, detail, at, stdoutTail, stderrTail}; the tails (at most "
                    + MAX_STDOUT_TAIL + " and " + MAX_STDOUT_TAIL / 10 + " characters) come with a task's end")),
            "nodeId", "changes")),
        Map.of(200, "applied; changes that changed nothing are listed with the reason",
            403, "the call does not carry the node's secret"), this::report));
  }

  private static ApiRoute.RequestBody json(ObjectNode schema) {
    return new ApiRoute.RequestBody(List.of("application/json"), schema);
  }

  private void join(Context ctx) {
    JoinRequest req = Bodies.json(ctx, JoinRequest.class);
    if (req.name() == null || !NAME.matcher(req.name()).matches()) {
      throw bad("/name", "required: 1-100 of A-Z a-z 0-9 . _ - (starting with a letter or digit), got "
          + (req.name() == null ? "nothing" : "'" + req.name() + "'"));
    }
    if (req.topology() != null && (req.topology().isBlank() || req.topology().split("/", -1).length > 3)) {
      throw bad("/topology", "expected region/zone/rack (up to three parts), got '" + req.topology() + "'");
    }
    AgentWire.Capacity c = req.capacity();
    if (c == null) {
      throw bad("/capacity", "required: {cpuMillis, memoryMiB, diskMiB, gpus}");
    }
    long cpu = count(c.cpuMillis(), "/capacity/cpuMillis", true);
    long memory = count(c.memoryMiB(), "/capacity/memoryMiB", true);
    Resources capacity = new Resources(cpu, memory, count(c.diskMiB(), "/capacity/diskMiB", false),
        count(c.gpus(), "/capacity/gpus", false), Map.of());
    Map<String, String> labels = req.labels() == null ? Map.of() : req.labels();
    labels.forEach((k, v) -> {
      if (k.isBlank() || v == null) {
        throw bad("/labels/" + k, "a label needs a name and a string value");
      }
    });
    NodeClaims.Claimed<NodeRecord> joined;
    try {
      joined = claims.join(req.name(), req.secret(),
          () -> desk.join(req.name(), TopologyPath.parse(req.topology()), capacity, labels, req.enforcement()));
    } catch (NodeClaims.NodeHeldException e) {
      throw new ProblemException(409, "https://weft.dev/problems/node-held", "Node held by another agent",
          e.getMessage(), List.of(FieldError.at("/name", "held by another agent")));
    }
    NodeRecord n = joined.value();
    Replies.json(ctx, 200, new JoinReply(n.id(), n.topology(), settings.heartbeatEvery().toMillis(),
        settings.nodeTimeout().toMillis(), joined.secret()));
  }

  private void heartbeat(Context ctx) {
    HeartbeatRequest req = Bodies.json(ctx, HeartbeatRequest.class);
    String node = nodeId(req.nodeId());
    checkHolder(claims, ctx, node);
    Replies.json(ctx, 200, new HeartbeatReply(desk.heartbeat(node, runs(req.running()), runs(req.suspended()))));
  }

  private static Set<String> runs(List<String> ids) {
    return ids == null ? Set.of() : ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
  }

  private void poll(Context ctx) throws InterruptedException {
    PollRequest req = Bodies.json(ctx, PollRequest.class);
    String node = nodeId(req.nodeId());
    int max = req.maxStarts() == null ? 16 : req.maxStarts();
    int wait = req.waitMillis() == null ? 20_000 : req.waitMillis();
    if (max < 0 || max > MAX_STARTS) {
      throw bad("/maxStarts", "must be 0 to " + MAX_STARTS + ", got " + max);
    }
    if (wait < 0 || wait > MAX_WAIT_MILLIS) {
      throw bad("/waitMillis", "must be 0 to " + MAX_WAIT_MILLIS + ", got " + wait);
    }
    checkHolder(claims, ctx, node);
    if (!desk.seen(node)) {
      throw new ProblemException(404, "https://weft.dev/problems/not-found", "Not found",
          "no node " + node + ": join first", List.of(FieldError.at("/nodeId", "unknown node")));
    }
    AgentDesk.Work work = desk.poll(node, max, Duration.ofMillis(wait), runs(req.running()), runs(req.suspended()));
    List<Assignment> out = new ArrayList<>();
    work.kills().forEach(k -> out.add(new Assignment("kill", k.runId(), null, null, null, 0, 0, 0, k.reason(), null)));
    work.suspends().forEach(r -> out.add(new Assignment("suspend", r, null, null, null, 0, 0, 0, null, null)));
    work.resumes().forEach(r -> out.add(new Assignment("resume", r, null, null, null, 0, 0, 0, null, null)));
    work.starts().forEach(s -> out.add(new Assignment("start", s.runId().toString(),
        s.run().isBuiltin() ? null : s.run().argv(), s.run().builtin(), s.run().env(), s.resources().cpuMillis(), s.resources().memoryMiB(), s.run().timeoutMillis(), null,
        s.run().stdin())));
    Replies.json(ctx, 200, new PollReply(out));
  }

  private void report(Context ctx) {
    ReportRequest req = Bodies.json(ctx, ReportRequest.class);
    String node = nodeId(req.nodeId());
    checkHolder(claims, ctx, node);
    if (req.changes() == null) {
      throw bad("/changes", "required: a list of status changes");
    }
    if (req.changes().size() > MAX_CHANGES) {
      throw bad("/changes", "at most " + MAX_CHANGES + " changes in one report, got " + req.changes().size());
    }
    List<AgentDesk.Change> changes = new ArrayList<>();
    for (int i = 0; i < req.changes().size(); i++) {
      Change c = req.changes().get(i);
      String at = "/changes/" + i;
      if (c == null) {
        throw bad(at, "expected a status change, got null");
      }
      RunId run;
      try {
        run = RunId.of(c.taskId());
      } catch (IllegalArgumentException e) {
        throw bad(at + "/taskId", e.getMessage());
      }
      if (c.state() == null || !STATES.contains(c.state())) {
        throw bad(at + "/state", "expected one of " + String.join(", ", STATES.stream().sorted().toList())
            + ", got " + (c.state() == null ? "nothing" : "'" + c.state() + "'"));
      }
      tail(c.stdoutTail(), at + "/stdoutTail", MAX_STDOUT_TAIL);
      tail(c.stderrTail(), at + "/stderrTail", MAX_STDOUT_TAIL / 10);
      changes.add(new AgentDesk.Change(run, c.state(), c.exitCode(), c.detail(), c.stdoutTail(), c.stderrTail()));
    }
    desk.seen(node);
    List<Ignored> ignored = desk.report(node, changes).stream()
        .map(i -> new Ignored(i.runId(), i.reason())).toList();
    Replies.json(ctx, 200, new ReportReply(changes.size() - ignored.size(), ignored));
  }

  private static void tail(String text, String pointer, int max) {
    if (text != null && text.length() > max) {
      throw bad(pointer, "at most " + max + " characters (the end of the output), got " + text.length());
    }
  }

  private static String nodeId(String id) {
    if (id == null || id.isBlank()) {
      throw bad("/nodeId", "required: the node id the join answered");
    }
    return id;
  }

  private static long count(Long v, String pointer, boolean required) {
    if (v == null) {
      if (required) {
        throw bad(pointer, "required");
      }
      return 0;
    }
    if (v < 0) {
      throw bad(pointer, "cannot be negative, got " + v);
    }
    return v;
  }

  private static ProblemException bad(String pointer, String message) {
    return ProblemException.badRequest(FieldError.at(pointer, message));
  }
}
