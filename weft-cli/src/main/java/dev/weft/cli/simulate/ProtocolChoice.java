package dev.weft.cli.simulate;

/** The values of {@code --protocol}: published evaluation protocols Weft can replay. */
enum ProtocolChoice implements WireName {
  /** RLScheduler (Zhang et al., SC'20): ten sequences of 1,024 jobs on an empty machine. */
  RLSCHEDULER("rlscheduler");

  private final String wire;

  ProtocolChoice(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  static final class Converter extends WireName.Converter<ProtocolChoice> {
    Converter() {
      super(ProtocolChoice.class);
    }
  }
}
