package dev.weft.agent.protocol;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The server side of the agent protocol, in memory: queued assignments, recorded calls, switchable failures. */
final class InMemoryProtocol implements AgentProtocol {
  final List<NodeInfo> joins = new ArrayList<>();
  final List<Heartbeat> heartbeats = new ArrayList<>();
  final List<List<StatusChange>> reports = new ArrayList<>();
  final List<Integer> pollMaxStarts = new ArrayList<>();
  final Deque<Assignment> queued = new ArrayDeque<>();
  boolean down;
  boolean knowsNode = true;

  @Override
  public Joined join(NodeInfo node) {
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

  private void failIfDown(String call) {
    if (down) {
      throw new ProtocolException(call + ": connection refused (test server is down)");
    }
  }
}
