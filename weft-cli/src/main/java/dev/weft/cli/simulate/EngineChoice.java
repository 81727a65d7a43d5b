package dev.weft.cli.simulate;

/** The values of {@code --engine}: what schedules the protocol's sequences. */
enum EngineChoice implements WireName {
  /** The paper's own simulator rules (reproduces its published numbers). */
  PAPER("paper"),
  /** Weft's planner ({@code CorePlanner}) in Weft's simulator. */
  WEFT("weft");

  private final String wire;

  EngineChoice(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  static final class Converter extends WireName.Converter<EngineChoice> {
    Converter() {
      super(EngineChoice.class);
    }
  }
}
