package dev.weft.server.api.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.api.Access;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.FieldError;
import dev.weft.server.api.Param;
import dev.weft.server.api.ProblemException;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.Replies;
import dev.weft.server.api.Schemas;
import dev.weft.server.logs.LogFeed;
import dev.weft.store.LogBytes;
import dev.weft.store.TaskStream;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/tasks/{id}/logs}: a task attempt's output as JSON chunks (bytes base64-encoded,
 * each with its stream and offset), where to read next, and whether the attempt is over and its
 * output complete; with {@code follow=true} a long-poll that answers as soon as new bytes arrive.
 * With {@code plain=true} (as Nomad's {@code fs/logs}) one stream's bytes as they are, {@code
 * text/plain}, and the rest of the answer in {@code Weft-*} headers.
 */
final class TaskLogRoute {
  static final int MAX_WAIT_MILLIS = 60_000;
  private final LogFeed feed;

  TaskLogRoute(LogFeed feed) {
    this.feed = feed;
  }

  ApiRoute route(String path, Param id) {
    return new ApiRoute(HandlerType.GET, path, Access.READ,
        "A task attempt's stdout/stderr from an offset, as JSON chunks; follow=true waits for new bytes (long-poll)",
        List.of(id,
            Param.query("stream", enumSchema("stdout", "stderr", "both"), "which output (default both)"),
            Param.query("offset", Schemas.string().put("pattern", "^[0-9]+(,[0-9]+)?$"),
                "where to start: N for every stream asked for, or OUT,ERR (stdout, stderr) with stream=both; default 0"),
            Param.query("attempt", Schemas.integer(0, Integer.MAX_VALUE), "which attempt (default the current one)"),
            Param.query("follow", enumSchema("true", "false"),
                "wait until new bytes arrive or the output is complete (default false)"),
            Param.query("waitMillis", Schemas.integer(0, MAX_WAIT_MILLIS), "the longest a follow waits (default 20000)"),
            Param.query("plain", enumSchema("true", "false"), "true: the bytes of one stream (stdout or stderr) as"
                + " text/plain, where they start, where to read next and the flags in Weft-* headers (default false)")),
        null, Map.of(503, "the server is stopping while a follow waited: ask again", 200, "{taskId, attempt, state, chunks: [{stream, offset, data (base64)}], next: {stream: offset},"
            + " dropped: {stream: bytes}, more, ended, complete}; with plain=true the bytes as text/plain and headers"
            + " Weft-Offset, Weft-Next-Offset, Weft-Dropped, Weft-More, Weft-Ended, Weft-Complete, Weft-State",
            400, "a bad parameter", 404, "no such task"),
        this::logs);
  }

  private static ObjectNode enumSchema(String... values) {
    ObjectNode n = Schemas.string();
    ArrayNode list = n.putArray("enum");
    for (String v : values) {
      list.add(v);
    }
    return n;
  }

  private void logs(Context ctx) {
    String id = ctx.pathParam("id");
    List<TaskStream> streams = streams(ctx);
    Map<TaskStream, Long> from = offsets(ctx, streams);
    Integer attempt = QueryParams.string(ctx, "attempt").isPresent()
        ? QueryParams.integer(ctx, "attempt", 0, Integer.MAX_VALUE, 0) : null;
    boolean follow = bool(ctx, "follow");
    boolean plain = bool(ctx, "plain");
    if (plain && streams.size() != 1) {
      throw ProblemException.badRequest(FieldError.param("stream",
          "plain=true answers one stream's bytes: ask for stream=stdout or stream=stderr"));
    }
    int wait = QueryParams.integer(ctx, "waitMillis", 0, MAX_WAIT_MILLIS, 20_000);
    LogFeed.Page page;
    try {
      page = feed.read(new LogFeed.Request(id, attempt, from, follow, Duration.ofMillis(follow ? wait : 0)))
          .orElseThrow(() -> ProblemException.notFound("no task " + id));
    } catch (LogFeed.NoSuchAttemptException e) {
      throw ProblemException.badRequest(FieldError.param("attempt", e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping: a follower should ask again (another server, or this one back)
      throw new ProblemException(503, "https://weft.dev/problems/unavailable", "Service unavailable",
          "the server is stopping; follow again from the same offset", List.of());
    }
    if (plain) {
      plain(ctx, page, streams.getFirst(), from.get(streams.getFirst()));
    } else {
      Replies.json(ctx, 200, view(page));
    }
  }

  /** One stream's bytes as they are; where they start (past what was let go), the next offset and the flags in headers. */
  private static void plain(Context ctx, LogFeed.Page page, TaskStream stream, long asked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long start = -1;
    for (LogBytes b : page.chunks()) {
      if (b.stream() == stream) {
        start = start < 0 ? b.offset() : start;
        body.writeBytes(b.data());
      }
    }
    long next = page.next().getOrDefault(stream, asked);
    ctx.header("Weft-Offset", Long.toString(start < 0 ? next : start));
    ctx.header("Weft-Next-Offset", Long.toString(next));
    ctx.header("Weft-Dropped", Long.toString(page.dropped().getOrDefault(stream, 0L)));
    ctx.header("Weft-More", Boolean.toString(page.more()));
    ctx.header("Weft-Ended", Boolean.toString(page.over()));
    ctx.header("Weft-Complete", Boolean.toString(page.complete()));
    ctx.header("Weft-State", state(page));
    ctx.status(200).contentType("text/plain; charset=utf-8").result(body.toByteArray());
  }

  /** The task's state, or {@code SUPERSEDED} for an attempt older than its current one. */
  private static String state(LogFeed.Page page) {
    return page.attempt() == page.task().attempt() ? page.task().status().name() : "SUPERSEDED";
  }

  private static Map<String, Object> view(LogFeed.Page page) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("taskId", page.task().id());
    m.put("attempt", page.attempt());
    m.put("state", state(page));
    if (page.attempt() == page.task().attempt() && page.task().exitCode() != null) {
      m.put("exitCode", page.task().exitCode());
    }
    m.put("chunks", page.chunks().stream().map(TaskLogRoute::chunk).toList());
    m.put("next", labels(page.next()));
    m.put("dropped", labels(page.dropped()));
    m.put("more", page.more());
    m.put("ended", page.over());
    m.put("complete", page.complete());
    return m;
  }

  private static Map<String, Object> chunk(LogBytes b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stream", b.stream().label());
    m.put("offset", b.offset());
    m.put("data", Base64.getEncoder().encodeToString(b.data()));
    return m;
  }

  private static Map<String, Long> labels(Map<TaskStream, Long> byStream) {
    Map<String, Long> m = new LinkedHashMap<>();
    byStream.forEach((k, v) -> m.put(k.label(), v));
    return m;
  }

  private static List<TaskStream> streams(Context ctx) {
    String s = QueryParams.string(ctx, "stream").orElse("both");
    return switch (s) {
      case "both" -> List.of(TaskStream.STDOUT, TaskStream.STDERR);
      case "stdout" -> List.of(TaskStream.STDOUT);
      case "stderr" -> List.of(TaskStream.STDERR);
      default -> throw ProblemException.badRequest(FieldError.param("stream",
          "must be stdout, stderr or both, got '" + abbreviate(s) + "'"));
    };
  }

  private static Map<TaskStream, Long> offsets(Context ctx, List<TaskStream> streams) {
    String s = QueryParams.string(ctx, "offset").orElse("0");
    String[] parts = s.split(",", -1);
    if (parts.length > 2 || parts.length == 2 && streams.size() != 2) {
      throw ProblemException.badRequest(FieldError.param("offset", "expected N" + (streams.size() == 2 ? " or OUT,ERR" : "")
          + ", got '" + abbreviate(s) + "'"));
    }
    Map<TaskStream, Long> out = new EnumMap<>(TaskStream.class);
    for (int i = 0; i < streams.size(); i++) {
      String part = parts[parts.length == 2 ? i : 0];
      try {
        long v = Long.parseLong(part);
        if (v < 0) {
          throw new NumberFormatException();
        }
        out.put(streams.get(i), v);
      } catch (NumberFormatException e) {
        throw ProblemException.badRequest(FieldError.param("offset", "expected a byte offset (0 or more)"
            + (streams.size() == 2 ? ", or OUT,ERR" : "") + ", got '" + abbreviate(s) + "'"));
      }
    }
    return out;
  }

  private static boolean bool(Context ctx, String name) {
    String s = QueryParams.string(ctx, name).orElse("false");
    return switch (s) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ProblemException.badRequest(FieldError.param(name, "must be true or false, got '"
          + abbreviate(s) + "'"));
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
