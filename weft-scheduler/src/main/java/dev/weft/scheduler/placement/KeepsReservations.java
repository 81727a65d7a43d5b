package dev.weft.scheduler.placement;

import dev.weft.scheduler.backfill.ReservationBook;

/** Starting the task now on this node delays no reservation (the backfilling rule). */
final class KeepsReservations implements Filter {
  private final ReservationBook book;

  KeepsReservations(ReservationBook book) {
    this.book = book;
  }

  @Override
  public String reject(PlacementRequest request, NodeState node) {
    return book.allows(node.index, request.need(), request.nowMillis(), request.endMillis())
        ? null : "would delay a reserved task";
  }
}
