package dev.weft.scheduler.dag;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A task graph to be scheduled on heterogeneous processors, in the matrix form of the HEFT paper.
 * Tasks are numbered from 0 and named {@code n1..nN}; processors are numbered from 0 and named
 * {@code P1..Pp}, so messages match the paper's figures.
 *
 * @param costs {@code costs[t][p]}: the run time of task t on processor p, finite and {@code >= 0}
 * @param data {@code data[i][j]}: the volume sent along edge i->j, 0 meaning there is no edge; the
 *     edges must form no cycle
 * @param bandwidth {@code bandwidth[a][b]}: transfer rate from processor a to b, finite and
 *     {@code > 0} off the diagonal; the diagonal is ignored because tasks on the same processor
 *     communicate for free
 * @throws IllegalArgumentException when a matrix has the wrong shape, a value is out of range or an
 *     edge closes a cycle, with a message naming the row, task, processor or edge
 */
public record HeterogeneousDag(double[][] costs, double[][] data, double[][] bandwidth) {

  public HeterogeneousDag {
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(bandwidth, "bandwidth");
    int processors = bandwidth.length;
    if (processors == 0) {
      throw new IllegalArgumentException("the bandwidth matrix is empty, expected one row per processor");
    }
    requireShape("bandwidth matrix", bandwidth, processors, processors, "processor");
    requireShape("cost matrix", costs, costs.length, processors, "task");
    requireShape("data matrix", data, costs.length, costs.length, "task");
    requireValidValues(costs, data, bandwidth);
    double[][] edges = data;
    TopologicalOrder.of(costs.length, i -> successorsIn(edges, i), HeterogeneousDag::taskName);
    costs = deepCopy(costs);
    data = deepCopy(data);
    bandwidth = deepCopy(bandwidth);
  }

  /** The paper's name of task {@code t}: {@code n1} for index 0. */
  public static String taskName(int t) {
    return "n" + (t + 1);
  }

  /** The paper's name of processor {@code p}: {@code P1} for index 0. */
  public static String processorName(int p) {
    return "P" + (p + 1);
  }

  public int tasks() {
    return costs.length;
  }

  public int processors() {
    return bandwidth.length;
  }

  public double cost(int task, int processor) {
    return costs[task][processor];
  }

  /** The task's run time averaged over all processors (the paper's w-bar). */
  public double meanCost(int task) {
    return Arrays.stream(costs[task]).average().orElseThrow();
  }

  public double data(int from, int to) {
    return data[from][to];
  }

  /** How long edge from->to takes when the two tasks run on these processors: 0 on the same one. */
  public double communication(int from, int to, int fromProcessor, int toProcessor) {
    if (fromProcessor == toProcessor) {
      return 0;
    }
    return data[from][to] / bandwidth[fromProcessor][toProcessor];
  }

  /**
   * The mean transfer rate between distinct processors (the paper's B-bar), or positive infinity
   * on a single processor, where nothing is ever sent and the mean communication cost is 0.
   */
  public double meanBandwidth() {
    int p = processors();
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double sum = 0;
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        sum += a == b ? 0 : bandwidth[a][b];
      }
    }
    return sum / (p * (p - 1));
  }

  /** The tasks with an edge from {@code task}, in index order. */
  public int[] successors(int task) {
    return successorsIn(data, task);
  }

  /** The tasks with an edge to {@code task}, in index order. */
  public int[] predecessors(int task) {
    return IntStream.range(0, tasks()).filter(i -> data[i][task] != 0).toArray();
  }

  @Override
  public double[][] costs() {
    return deepCopy(costs);
  }

  @Override
  public double[][] data() {
    return deepCopy(data);
  }

  @Override
  public double[][] bandwidth() {
    return deepCopy(bandwidth);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HeterogeneousDag that
        && Arrays.deepEquals(costs, that.costs)
        && Arrays.deepEquals(data, that.data)
        && Arrays.deepEquals(bandwidth, that.bandwidth);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.deepHashCode(costs), Arrays.deepHashCode(data), Arrays.deepHashCode(bandwidth));
  }

  @Override
  public String toString() {
    return "HeterogeneousDag[" + tasks() + " tasks, " + processors() + " processors]";
  }

  private static int[] successorsIn(double[][] data, int task) {
    double[] row = data[task];
    return IntStream.range(0, row.length).filter(j -> row[j] != 0).toArray();
  }

  private static void requireShape(String what, double[][] matrix, int rows, int columns, String rowMeaning) {
    if (matrix.length != rows) {
      throw new IllegalArgumentException("the " + what + " has " + matrix.length + " rows, expected "
          + rows + " (one per " + rowMeaning + ")");
    }
    for (int r = 0; r < rows; r++) {
      if (matrix[r] == null) {
        throw new IllegalArgumentException("row " + (r + 1) + " of the " + what + " is missing");
      }
      if (matrix[r].length != columns) {
        throw new IllegalArgumentException("row " + (r + 1) + " of the " + what + " has "
            + matrix[r].length + " values, expected " + columns);
      }
    }
  }

  // Checks first and builds a message only on failure: a 10,000-task graph has 10^8 data cells.
  private static void requireValidValues(double[][] costs, double[][] data, double[][] bandwidth) {
    for (int t = 0; t < costs.length; t++) {
      for (int p = 0; p < bandwidth.length; p++) {
        if (!(costs[t][p] >= 0 && Double.isFinite(costs[t][p]))) {
          throw new IllegalArgumentException("cost of " + taskName(t) + " on " + processorName(p) + " is "
              + costs[t][p] + ", expected a finite number >= 0");
        }
      }
      for (int j = 0; j < costs.length; j++) {
        if (!(data[t][j] >= 0 && Double.isFinite(data[t][j]))) {
          throw new IllegalArgumentException("data volume of edge " + taskName(t) + "->" + taskName(j) + " is "
              + data[t][j] + ", expected a finite number >= 0");
        }
      }
    }
    for (int a = 0; a < bandwidth.length; a++) {
      for (int b = 0; b < bandwidth.length; b++) {
        if (a != b && !(bandwidth[a][b] > 0 && Double.isFinite(bandwidth[a][b]))) {
          throw new IllegalArgumentException("bandwidth from " + processorName(a) + " to " + processorName(b)
              + " is " + bandwidth[a][b] + ", expected a finite number > 0");
        }
      }
    }
  }

  private static double[][] deepCopy(double[][] matrix) {
    return Arrays.stream(matrix).map(double[]::clone).toArray(double[][]::new);
  }
}
