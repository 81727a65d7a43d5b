package dev.weft.server.cluster;

import dev.weft.server.logs.LogBell;
import dev.weft.server.scheduling.RoundBell;
import dev.weft.server.scheduling.WorkBell;
import dev.weft.store.Signals;
import java.util.Set;

/**
 * Carries a server's bells to the other servers on the same database, so that what one server
 * learns wakes the one that acts on it at once rather than at its next timed look:
 * <ul>
 *   <li>{@value #ROUND}: a job submitted, a task ended or a node joined through any server starts a
 *       round of the server holding the scheduler lease (else it waited for that server's next
 *       timed round, up to {@code --round});</li>
 *   <li>{@value #WORK}: tasks the lease holder placed wake the agents' polls waiting in every server
 *       (else a poll served elsewhere re-read the store up to a second later);</li>
 *   <li>{@value #LOGS}: output an agent shipped to one server wakes {@code weft task logs --follow}
 *       readers waiting in the others.</li>
 * </ul>
 * A ring heard from another server rings only this server's bell (it is not sent on again). On
 * H2 the signals are {@link Signals#NONE} (one process), and this changes nothing.
 */
public final class ClusterBells implements AutoCloseable {
  static final String ROUND = "round";
  static final String WORK = "work";
  static final String LOGS = "logs";
  static final String WORKERS = "workers";
  private final Signals signals;

  private ClusterBells(Signals signals) {
    this.signals = signals;
  }

  /**
   * Relays the rings of {@code rounds} (unless it is {@link RoundBell#NONE}), {@code work},
   * {@code logs} and {@code workers} through {@code signals}, and rings them here when another server does. Closing
   * the result closes {@code signals}.
   */
  public static ClusterBells connect(Signals signals, RoundBell rounds, WorkBell work, LogBell logs,
                                     RelayedBell workers) {
    if (signals == Signals.NONE) {
      return new ClusterBells(signals);
    }
    boolean scheduling = rounds != RoundBell.NONE;
    if (scheduling) {
      rounds.relayTo(() -> signals.send(ROUND));
    }
    work.relayTo(() -> signals.send(WORK));
    logs.relayTo(() -> signals.send(LOGS));
    workers.relayTo(() -> signals.send(WORKERS));
    signals.listen(scheduling ? Set.of(ROUND, WORK, LOGS, WORKERS) : Set.of(WORK, LOGS, WORKERS), channel -> {
      switch (channel) {
        case ROUND -> rounds.ringHere();
        case WORK -> work.ringHere();
        case LOGS -> logs.ringHere();
        case WORKERS -> workers.ringHere();
        default -> { } // a channel this server did not ask for
      }
    });
    return new ClusterBells(signals);
  }

  @Override
  public void close() {
    signals.close();
  }
}
