package dev.weft.server.api.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.FieldError;
import dev.weft.server.api.ProblemException;
import dev.weft.server.api.Replies;
import dev.weft.server.api.RouteRegistry;
import dev.weft.server.api.Schemas;
import dev.weft.server.logs.LogIntake;
import dev.weft.server.scheduling.NodeClaims;
import dev.weft.server.scheduling.RunId;
import dev.weft.store.TaskStream;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/agent/logs}, open to agent tokens only: pieces of task output (base64 bytes at
 * a byte offset of a run's stdout or stderr), stored once by offset; each answered with where the
 * server is on that stream, so the agent resumes there (see docs/cluster.md).
 */
public final class AgentLogResource implements ApiResource {
  static final int MAX_PIECES = 1000;

  /** The body: {@code pieces} in the order to store them. */
  record LogsRequest(String nodeId, List<Piece> pieces) {}

  /** One piece; {@code taskId} is the run id of the assignment. */
  record Piece(String taskId, String stream, Long offset, String data, Long written, Boolean last) {}

  private final LogIntake intake;
  private final NodeClaims claims;

  public AgentLogResource(LogIntake intake, NodeClaims claims) {
    this.intake = intake;
    this.claims = claims;
  }

  @Override
  public void register(RouteRegistry routes) {
    ObjectNode count = Schemas.any().put("type", "integer").put("minimum", 0);
    ObjectNode piece = Schemas.object(Map.of(
        "taskId", Schemas.string().put("description", "the run id (TASK~ATTEMPT) of the assignment"),
        "stream", Schemas.string().put("description", "stdout or stderr"),
        "offset", count, "data", Schemas.string().put("description", "the bytes, base64"),
        "written", count, "last", Schemas.any().put("type", "boolean")), "taskId", "stream", "offset", "data");
    routes.add(new ApiRoute(HandlerType.POST, AgentResource.BASE + "/logs", Access.AGENT,
        "Ship pieces of task output; each is stored once by offset and answered with where the server is on its stream",
        List.of(AgentResource.secretHeader()), new ApiRoute.RequestBody(List.of("application/json"),
            Schemas.object(Map.of("nodeId", Schemas.string(),
            "pieces", Schemas.any().put("type", "array").put("maxItems", MAX_PIECES).set("items", piece)),
            "nodeId", "pieces")),
        Map.of(200, "{acks: [{taskId, stream, kept, full, ended, ignored}]}, one per piece in order",
            403, "the call does not carry the node's secret"), this::logs));
  }

  private void logs(Context ctx) {
    LogsRequest req = Bodies.json(ctx, LogsRequest.class);
    if (req.nodeId() == null || req.nodeId().isBlank()) {
      throw bad("/nodeId", "required: the node id the join answered");
    }
    AgentResource.checkHolder(claims, ctx, req.nodeId());
    if (req.pieces() == null) {
      throw bad("/pieces", "required: a list of pieces");
    }
    if (req.pieces().size() > MAX_PIECES) {
      throw bad("/pieces", "at most " + MAX_PIECES + " pieces in one shipment, got " + req.pieces().size());
    }
    List<LogIntake.Piece> pieces = new ArrayList<>();
    for (int i = 0; i < req.pieces().size(); i++) {
      pieces.add(piece(req.pieces().get(i), "/pieces/" + i));
    }
    List<Map<String, Object>> acks = intake.take(req.nodeId(), pieces).stream().map(AgentLogResource::ack).toList();
    Replies.json(ctx, 200, Map.of("acks", acks));
  }

  private static LogIntake.Piece piece(Piece p, String at) {
    if (p == null) {
      throw bad(at, "expected a piece, got null");
    }
    RunId run;
    try {
      run = RunId.of(p.taskId());
    } catch (IllegalArgumentException e) {
      throw bad(at + "/taskId", e.getMessage());
    }
    TaskStream stream;
    try {
      stream = TaskStream.of(p.stream() == null ? "" : p.stream());
    } catch (IllegalArgumentException e) {
      throw bad(at + "/stream", e.getMessage());
    }
    if (p.offset() == null || p.offset() < 0) {
      throw bad(at + "/offset", "required: a byte offset, 0 or more");
    }
    byte[] data;
    try {
      data = Base64.getDecoder().decode(p.data() == null ? "" : p.data());
    } catch (IllegalArgumentException e) {
      throw bad(at + "/data", "not base64: " + e.getMessage());
    }
    long written = p.written() == null ? p.offset() + data.length : p.written();
    if (written < p.offset() + data.length) {
      throw bad(at + "/written", "must be at least offset + the bytes sent (" + (p.offset() + data.length) + "), got " + written);
    }
    return new LogIntake.Piece(run, stream, p.offset(), data, written, Boolean.TRUE.equals(p.last()));
  }

  private static Map<String, Object> ack(LogIntake.Ack a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("taskId", a.runId());
    m.put("stream", a.stream().label());
    m.put("kept", a.kept());
    m.put("full", a.full());
    m.put("ended", a.ended());
    if (a.ignored() != null) {
      m.put("ignored", a.ignored());
    }
    return m;
  }

  private static ProblemException bad(String pointer, String message) {
    return ProblemException.badRequest(FieldError.at(pointer, message));
  }
}
