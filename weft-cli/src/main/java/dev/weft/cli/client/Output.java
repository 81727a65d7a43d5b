package dev.weft.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Prints an answer as JSON, YAML or a table of chosen columns. */
final class Output {
  private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

  /** A table column: its heading and how to read a cell from a row. */
  record Column(String heading, Function<JsonNode, String> cell) {
    static Column field(String heading, String field) {
      return new Column(heading, n -> text(n.path(field)));
    }
  }

  private Output() {}

  /** {@code answer} in {@code format}; as a table, {@code rows} picks the rows out of it. */
  static void print(PrintWriter out, ClientOptions.Format format, JsonNode answer, Function<JsonNode, JsonNode> rows,
      List<Column> columns) {
    switch (format) {
      case json -> out.println(json(answer));
      case yaml -> out.print(yaml(answer));
      case table -> out.print(table(rows.apply(answer), columns));
    }
    out.flush();
  }

  static String json(JsonNode n) {
    try {
      return ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String yaml(JsonNode n) {
    try {
      return YAML.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Columns padded to their widest cell; a single object is one row. */
  static String table(JsonNode rows, List<Column> columns) {
    List<JsonNode> list = new ArrayList<>();
    if (rows.isArray()) {
      rows.forEach(list::add);
    } else {
      list.add(rows);
    }
    List<String[]> cells = new ArrayList<>();
    cells.add(columns.stream().map(Column::heading).toArray(String[]::new));
    for (JsonNode r : list) {
      cells.add(columns.stream().map(c -> c.cell().apply(r)).toArray(String[]::new));
    }
    int[] width = new int[columns.size()];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + width[i] + "s  ", row[i]));
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    if (list.isEmpty()) {
      b.append("(none)\n");
    }
    return b.toString();
  }

  static String text(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return "-";
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }
}
