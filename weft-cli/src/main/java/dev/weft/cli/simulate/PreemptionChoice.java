package dev.weft.cli.simulate;

import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.PreemptionMode;

/** The values of {@code --preemption}: which of the core's preemption rules are on. */
enum PreemptionChoice implements WireName {
  NONE("none"), PRIORITY("priority"), SRTF("srtf"), GUARANTEE("guarantee"), ALL("all");

  private final String wire;

  PreemptionChoice(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** The core's configuration for this choice, with the core's default gap, dead zone and rate. */
  PreemptionConfig config(PreemptionMode mode) {
    PreemptionConfig d = PreemptionConfig.defaults();
    return new PreemptionConfig(this == PRIORITY || this == ALL, d.priorityGap(), this == SRTF || this == ALL,
        this == GUARANTEE || this == ALL, d.deadZone(), d.maxPerRound(), mode);
  }

  static final class Converter extends WireName.Converter<PreemptionChoice> {
    Converter() {
      super(PreemptionChoice.class);
    }
  }
}
