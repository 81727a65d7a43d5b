package dev.weft.scheduler.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A leaf line sorted once per round by a policy's comparator. */
final class SortedLeafOrder implements LeafOrder {
  private final List<Queued> line;
  private int cursor;

  SortedLeafOrder(List<Queued> tasks, Comparator<Queued> order) {
    line = new ArrayList<>(tasks);
    line.sort(order.thenComparingInt(Queued::arrival));
  }

  @Override
  public Queued peek() {
    return cursor < line.size() ? line.get(cursor) : null;
  }

  @Override
  public void pop() {
    cursor++;
  }

  @Override
  public void shortestFirst() {
    line.subList(cursor, line.size()).sort(LeafOrders.SHORTEST.thenComparingInt(Queued::arrival));
  }

  @Override
  public List<Queued> remaining() {
    return line.subList(cursor, line.size());
  }
}
