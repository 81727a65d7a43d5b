package dev.weft.agent.protocol;

import dev.weft.agent.logs.LogPacker;
import dev.weft.agent.logs.LogPiece;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ships task output to the server: the new bytes of running tasks every period on a thread of its
 * own (so a slow server delays neither tasks nor heartbeats), and the rest of an ended run when
 * the agent loop {@linkplain #flush flushes} it before reporting its end. Calls are serialised;
 * the packer's cursors make every shipment resume where the server is.
 */
public final class LogShipping implements LogFlush {
  /** Runs flushed lately, so a report sent again does not ship their logs again. */
  private static final int REMEMBERED = 10_000;
  /** The most shipments of running runs' output in one round. */
  static final int ROUNDS = 16;
  private final AgentProtocol protocol;
  private final LogPacker packer;
  private final Consumer<String> say;
  private final Set<String> flushed = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  });

  /** @param say where to tell that a server refused a run's logs (they stay on this machine) */
  public LogShipping(AgentProtocol protocol, LogPacker packer, Consumer<String> say) {
    this.protocol = protocol;
    this.packer = packer;
    this.say = say;
  }

  /**
   * Ships the new bytes of the running runs, in up to {@link #ROUNDS} shipments (so a task writing
   * fast is followed at up to that many shipments a second); throws {@link ProtocolException} when
   * the server cannot take them.
   */
  public synchronized void shipRunning(String nodeId, Set<String> runIds) {
    List<String> runs = runIds.stream().filter(r -> !flushed.contains(r)).sorted().toList();
    for (int i = 0; i < ROUNDS; i++) {
      List<LogPiece> pieces = packer.newBytes(runs);
      if (pieces.isEmpty() || !packer.acknowledge(protocol.shipLogs(nodeId, pieces))) {
        return;
      }
    }
  }

  @Override
  public synchronized void flush(String nodeId, List<String> runIds) {
    List<String> runs = runIds.stream().filter(r -> !flushed.contains(r)).distinct().toList();
    try {
      for (List<LogPiece> pieces = packer.rest(runs); !pieces.isEmpty(); pieces = packer.rest(runs)) {
        if (!packer.acknowledge(protocol.shipLogs(nodeId, pieces))) {
          throw new ProtocolException("logs: the server took none of " + pieces.size() + " piece(s) of "
              + pieces.getFirst().runId() + "; trying again later");
        }
      }
    } catch (LogsRefusedException e) {
      say.accept("the server refused the logs of " + runs + " (" + e.getMessage() + "); they stay on this machine");
    }
    runs.forEach(packer::forget);
    flushed.addAll(runs);
  }

  /**
   * Ships the running runs' new bytes every {@code period} on {@code on} while a node id is known;
   * a failed round is simply tried again at the next.
   */
  public ScheduledFuture<?> every(Duration period, ScheduledExecutorService on, Supplier<Optional<String>> nodeId,
                                  Supplier<Set<String>> running) {
    return on.scheduleWithFixedDelay(() -> {
      try {
        nodeId.get().ifPresent(node -> shipRunning(node, running.get()));
      } catch (RuntimeException e) {
        // the server is away or refused: the cursors stay, the next round sends the same bytes
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }
}
