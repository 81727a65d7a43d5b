package dev.weft.agent.protocol;

import dev.weft.agent.logs.LogAck;
import dev.weft.agent.logs.LogPiece;
import dev.weft.agent.logs.LogStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The server side of the agent protocol, in memory: queued assignments, recorded calls, switchable failures. */
final class InMemoryProtocol implements AgentProtocol {
  final List<NodeInfo> joins = new CopyOnWriteArrayList<>();
  final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
  final List<List<StatusChange>> reports = new ArrayList<>();
  final List<Integer> pollMaxStarts = new ArrayList<>();
  final Deque<Assignment> queued = new ArrayDeque<>();
  final List<List<LogPiece>> shipments = new ArrayList<>();
  final Map<String, ByteArrayOutputStream> logs = new HashMap<>();
  final Set<String> ended = new HashSet<>();
  long logLimit = Long.MAX_VALUE;
  boolean loseLogReplies;
  boolean refuseLogs;
  volatile boolean down;
  volatile boolean knowsNode = true;

  @Override
  public synchronized Joined join(NodeInfo node) {
    failIfDown("join");
    joins.add(node);
    knowsNode = true;
    return new Joined("node-" + joins.size(), "session-" + joins.size());
  }

  @Override
  public boolean heartbeat(Heartbeat beat) {
    failIfDown("heartbeat");
    heartbeats.add(beat);
    return knowsNode;
  }

  @Override
  public List<Assignment> poll(String nodeId, int maxStarts, Duration wait) {
    failIfDown("poll");
    pollMaxStarts.add(maxStarts);
    List<Assignment> out = new ArrayList<>();
    int starts = 0;
    for (var it = queued.iterator(); it.hasNext();) {
      Assignment a = it.next();
      if (a instanceof Assignment.Start) {
        if (starts == maxStarts) {
          continue;
        }
        starts++;
      }
      out.add(a);
      it.remove();
    }
    return out;
  }

  @Override
  public void report(String nodeId, List<StatusChange> batch) {
    failIfDown("report");
    reports.add(List.copyOf(batch));
  }

  List<StatusChange> reported() {
    return reports.stream().flatMap(List::stream).toList();
  }

  /**
   * Stores pieces by the server's offset rule: bytes already held are skipped, a piece past a gap
   * stores nothing, a stream holds at most {@link #logLimit} bytes. With {@link #loseLogReplies} the
   * pieces are stored and then the answer is lost (the call throws).
   */
  @Override
  public List<LogAck> shipLogs(String nodeId, List<LogPiece> pieces) {
    failIfDown("logs");
    if (refuseLogs) {
      throw new LogsRefusedException("logs: the server answered 404: no route (test)");
    }
    shipments.add(List.copyOf(pieces));
    List<LogAck> acks = new ArrayList<>();
    for (LogPiece p : pieces) {
      String key = p.runId() + "." + p.stream().suffix();
      ByteArrayOutputStream held = logs.computeIfAbsent(key, k -> new ByteArrayOutputStream());
      long kept = held.size();
      if (p.offset() <= kept) {
        int from = (int) (kept - p.offset());
        int to = (int) Math.min(p.data().length, logLimit - p.offset());
        if (from < to) {
          held.write(p.data(), from, to - from);
        }
        if (p.last()) {
          ended.add(key);
        }
      }
      acks.add(new LogAck(p.runId(), p.stream(), held.size(), held.size() >= logLimit, ended.contains(key)));
    }
    if (loseLogReplies) {
      throw new ProtocolException("logs: the answer was lost (test)");
    }
    return acks;
  }

  /** What the server holds of a run's stream. */
  String log(String runId, LogStream stream) {
    ByteArrayOutputStream held = logs.get(runId + "." + stream.suffix());
    return held == null ? "" : held.toString(StandardCharsets.UTF_8);
  }

  boolean logEnded(String runId, LogStream stream) {
    return ended.contains(runId + "." + stream.suffix());
  }

  private void failIfDown(String call) {
    if (down) {
      throw new ProtocolException(call + ": connection refused (test server is down)");
    }
  }
}
