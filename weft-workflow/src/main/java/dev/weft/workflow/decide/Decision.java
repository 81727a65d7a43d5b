package dev.weft.workflow.decide;

import java.util.List;

/** The new state and the commands to carry out, in order. */
public record Decision(InstanceState state, List<Command> commands) {
  public Decision {
    commands = List.copyOf(commands);
  }
}
