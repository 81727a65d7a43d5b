package dev.weft.agent.protocol;

import java.time.Duration;

/**
 * How the agent loop paces itself.
 *
 * @param slots how many tasks may run at once on this agent (the server places by resources; this is a safety cap)
 * @param pollBatch the most starts asked for in one poll
 * @param pollWait how long one long-poll may wait on the server
 * @param heartbeatEvery how often the agent says it is alive
 * @param reportBatch the most status changes sent in one report
 */
public record LoopSettings(int slots, int pollBatch, Duration pollWait, Duration heartbeatEvery, int reportBatch) {
  public LoopSettings {
    if (slots < 1 || pollBatch < 1 || reportBatch < 1) {
      throw new IllegalArgumentException("slots, pollBatch and reportBatch must be at least 1");
    }
  }

  public static LoopSettings defaults() {
    return new LoopSettings(64, 16, Duration.ofSeconds(20), Duration.ofSeconds(5), 100);
  }
}
