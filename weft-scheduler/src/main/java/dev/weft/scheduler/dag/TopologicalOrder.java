package dev.weft.scheduler.dag;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntFunction;

/**
 * A topological order of a graph given by index, found by an iterative depth-first search so that
 * a 10,000-task chain does not exhaust the call stack. Roots are visited in index order and
 * successors in the order given, so the result is deterministic.
 */
final class TopologicalOrder {
  private static final byte UNSEEN = 0;
  private static final byte ON_PATH = 1;
  private static final byte DONE = 2;

  private TopologicalOrder() {
  }

  /**
   * Every task before all of its successors.
   *
   * @param successors the successors of each task, by index
   * @param name how to name a task in the error message
   * @throws IllegalArgumentException naming the first edge found that closes a cycle
   */
  static int[] of(int tasks, IntFunction<int[]> successors, IntFunction<String> name) {
    byte[] state = new byte[tasks];
    int[] order = new int[tasks];
    int next = tasks;
    for (int root = 0; root < tasks; root++) {
      if (state[root] == UNSEEN) {
        next = visit(root, successors, name, state, order, next);
      }
    }
    return order;
  }

  /** Fills {@code order} from the back in post-order and returns the new free position. */
  private static int visit(int root, IntFunction<int[]> successors, IntFunction<String> name,
                           byte[] state, int[] order, int next) {
    Deque<Frame> path = new ArrayDeque<>();
    path.push(new Frame(root, successors.apply(root)));
    state[root] = ON_PATH;
    while (!path.isEmpty()) {
      Frame top = path.peek();
      if (top.cursor == top.successors.length) {
        path.pop();
        state[top.task] = DONE;
        order[--next] = top.task;
        continue;
      }
      int succ = top.successors[top.cursor++];
      if (state[succ] == ON_PATH) {
        throw new IllegalArgumentException(
            "edge " + name.apply(top.task) + "->" + name.apply(succ) + " closes a cycle");
      }
      if (state[succ] == UNSEEN) {
        state[succ] = ON_PATH;
        path.push(new Frame(succ, successors.apply(succ)));
      }
    }
    return next;
  }

  /** A task on the search path and how many of its successors have been looked at. */
  private static final class Frame {
    final int task;
    final int[] successors;
    int cursor;

    Frame(int task, int[] successors) {
      this.task = task;
      this.successors = successors;
    }
  }
}
