package dev.weft.sim.workload;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where each column sits in the rows of one CSV file, read from its header row. */
final class CsvHeader {
  private final Map<CsvColumn, Integer> positions;
  private final int width;

  private CsvHeader(Map<CsvColumn, Integer> positions, int width) {
    this.positions = positions;
    this.width = width;
  }

  /** Reads the header; unknown, repeated and missing required columns are errors at {@code line}. */
  static CsvHeader parse(Path file, int line, List<String> names) {
    Map<CsvColumn, Integer> positions = new EnumMap<>(CsvColumn.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      CsvColumn column = CsvColumn.byName(name).orElseThrow(() -> WorkloadException.at(file, line,
          "unknown column '" + name + "' (expected " + CsvColumn.allNames() + ")"));
      if (positions.putIfAbsent(column, i) != null) {
        throw WorkloadException.at(file, line, "column '" + column.wire() + "' appears twice");
      }
    }
    for (CsvColumn column : CsvColumn.values()) {
      if (column.required() && !positions.containsKey(column)) {
        throw WorkloadException.at(file, line, "missing required column '" + column.wire() + "'");
      }
    }
    return new CsvHeader(positions, names.size());
  }

  int width() {
    return width;
  }

  /** The value of {@code column} in {@code row}, empty when the file has no such column or the cell is blank. */
  Optional<String> value(List<String> row, CsvColumn column) {
    Integer at = positions.get(column);
    return at == null || row.get(at).isEmpty() ? Optional.empty() : Optional.of(row.get(at));
  }
}
