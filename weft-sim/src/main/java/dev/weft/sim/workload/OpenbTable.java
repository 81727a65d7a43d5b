package dev.weft.sim.workload;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of an Alibaba openb CSV file (cluster-trace-gpu-v2023), its cells found by the column
 * names of the header row. Columns the reader does not use are ignored; a missing required column
 * is an error at the header line.
 */
final class OpenbTable {
  private final Path file;
  private final Map<String, Integer> positions;
  private final int width;

  private OpenbTable(Path file, Map<String, Integer> positions, int width) {
    this.file = file;
    this.positions = positions;
    this.width = width;
  }

  /**
   * Reads {@code file}: its first non-blank line is the header (which must name {@code required}),
   * and every later non-blank line is handed to {@code rows} with its line number.
   *
   * @return false when the file holds no header at all
   */
  static boolean forEachRow(Path file, List<String> required, java.util.function.ObjIntConsumer<Row> rows) {
    OpenbTable[] table = {null};
    WorkloadLines.forEach(file, (line, number) -> {
      String text = line.strip();
      if (text.isEmpty()) {
        return;
      }
      if (table[0] == null) {
        table[0] = header(file, number, CsvLine.split(text), required);
        return;
      }
      rows.accept(table[0].row(number, text), number);
    });
    return table[0] != null;
  }

  static OpenbTable header(Path file, int line, List<String> names, List<String> required) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (positions.putIfAbsent(names.get(i), i) != null) {
        throw WorkloadException.at(file, line, "column '" + names.get(i) + "' appears twice");
      }
    }
    for (String column : required) {
      if (!positions.containsKey(column)) {
        throw WorkloadException.at(file, line, "missing required column '" + column + "' (an openb file starts with "
            + "a header row naming " + String.join(",", required) + ")");
      }
    }
    return new OpenbTable(file, positions, names.size());
  }

  /** The cells of one data line, split and checked against the header's width. */
  Row row(int line, String text) {
    List<String> cells;
    try {
      cells = CsvLine.split(text);
    } catch (IllegalArgumentException e) {
      throw WorkloadException.at(file, line, e.getMessage());
    }
    if (cells.size() != width) {
      throw WorkloadException.at(file, line, "expected " + width + " fields as in the header, got " + cells.size());
    }
    return new Row(line, cells);
  }

  /** One data line. */
  final class Row {
    private final int line;
    private final List<String> cells;

    private Row(int line, List<String> cells) {
      this.line = line;
      this.cells = cells;
    }

    /** The text of {@code column}, empty when the file lacks the column or the cell is blank. */
    String text(String column) {
      Integer at = positions.get(column);
      return at == null ? "" : cells.get(at);
    }

    /** A whole number not below 0; {@code fallback} when the column is absent or blank. */
    long count(String column, long fallback) {
      String t = text(column);
      if (t.isEmpty()) {
        return fallback;
      }
      try {
        long v = Long.parseLong(t);
        if (v >= 0) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(column, "expected a whole number not below 0, got \"" + t + "\"");
    }

    /** A required whole number not below 0. */
    long count(String column) {
      if (text(column).isEmpty()) {
        throw error(column, "is empty");
      }
      return count(column, 0);
    }

    WorkloadException error(String column, String message) {
      return WorkloadException.at(file, line, "column '" + column + "': " + message);
    }

    WorkloadException error(String message) {
      return WorkloadException.at(file, line, message);
    }
  }
}
