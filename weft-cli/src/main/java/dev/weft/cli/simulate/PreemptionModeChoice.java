package dev.weft.cli.simulate;

import dev.weft.scheduler.api.PreemptionMode;

/** The values of {@code --preemption-mode}. */
enum PreemptionModeChoice implements WireName {
  KILL("kill", PreemptionMode.KILL_AND_REQUEUE), SUSPEND("suspend", PreemptionMode.SUSPEND);

  private final String wire;
  private final PreemptionMode mode;

  PreemptionModeChoice(String wire, PreemptionMode mode) {
    this.wire = wire;
    this.mode = mode;
  }

  @Override
  public String wire() {
    return wire;
  }

  PreemptionMode mode() {
    return mode;
  }

  static final class Converter extends WireName.Converter<PreemptionModeChoice> {
    Converter() {
      super(PreemptionModeChoice.class);
    }
  }
}
