package dev.weft.scheduler.dag;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the DAGs of the HEFT and PEFT papers from {@code shared/data/dag} (never copied into the
 * project: a fresh clone skips these tests). Each graph is three CSV files named
 * {@code <graph>_task_exe_time.csv}, {@code <graph>_task_connectivity.csv} and
 * {@code <graph>_resource_BW.csv}: a header row of column labels, then one row per task or
 * processor whose first cell is its label; the last line may lack a newline.
 */
final class DagCsv {
  static final String HEFT_PAPER_GRAPH = "heft_canonicalgraph";
  static final String PEFT_PAPER_GRAPH = "peft_peftgraph";

  private DagCsv() {
  }

  /** The graph, or a skipped test when the shared data folder is absent. */
  static HeterogeneousDag load(String graph) {
    Path folder = Path.of(System.getProperty("weft.shared", "../shared"), "data/dag");
    assumeTrue(Files.isDirectory(folder), "../shared/data/dag absent: skipping");
    return new HeterogeneousDag(
        matrix(folder.resolve(graph + "_task_exe_time.csv")),
        matrix(folder.resolve(graph + "_task_connectivity.csv")),
        matrix(folder.resolve(graph + "_resource_BW.csv")));
  }

  /** The numbers of a labelled matrix, without its header row and label column. */
  static double[][] matrix(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(line -> Arrays.stream(line.split(",")).skip(1).map(String::trim).mapToDouble(Double::parseDouble)
              .toArray())
          .toArray(double[][]::new);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
