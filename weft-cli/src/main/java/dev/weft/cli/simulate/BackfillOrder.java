package dev.weft.cli.simulate;

/** The values of {@code --backfill-order}: backfill candidates in queue order, or shortest estimate first. */
enum BackfillOrder implements WireName {
  QUEUE("queue"), SHORTEST("shortest");

  private final String wire;

  BackfillOrder(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  static final class Converter extends WireName.Converter<BackfillOrder> {
    Converter() {
      super(BackfillOrder.class);
    }
  }
}
