package dev.weft.cli.simulate;

import dev.weft.scheduler.api.SchedulerConfig.Backfill;

/** The values of {@code --backfill}. */
enum BackfillChoice implements WireName {
  NONE("none", Backfill.NONE), EASY("easy", Backfill.EASY), CONSERVATIVE("conservative", Backfill.CONSERVATIVE),
  EASY_PLUS_PLUS("easy++", Backfill.EASY_PLUS_PLUS);

  private final String wire;
  private final Backfill backfill;

  BackfillChoice(String wire, Backfill backfill) {
    this.wire = wire;
    this.backfill = backfill;
  }

  @Override
  public String wire() {
    return wire;
  }

  Backfill backfill() {
    return backfill;
  }

  static final class Converter extends WireName.Converter<BackfillChoice> {
    Converter() {
      super(BackfillChoice.class);
    }
  }
}
