package dev.weft.agent.protocol;

import java.util.List;

/**
 * Ships what is left of an ended run's output before its end is reported, so a task the server
 * sees finished has its logs complete there. The agent loop calls it from its own thread.
 */
@FunctionalInterface
public interface LogFlush {
  /** Ships nothing: for loops whose tasks' output stays on the machine. */
  LogFlush NONE = (nodeId, runIds) -> { };

  /**
   * Delivers the rest of the runs' output; returns once the server has all of it.
   *
   * @throws ProtocolException when the server cannot be reached (the end is reported later, after another try)
   */
  void flush(String nodeId, List<String> runIds);
}
