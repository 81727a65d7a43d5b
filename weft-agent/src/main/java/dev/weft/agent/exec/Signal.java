package dev.weft.agent.exec;

/** The signals the agent sends to task processes. */
public enum Signal {
  TERM, KILL, STOP, CONT
}
