package dev.weft.sim.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns of the Weft CSV workload format; only {@code id}, {@code submit} and {@code runtime} are required. */
enum CsvColumn {
  ID(true), SUBMIT(true), RUNTIME(true), ESTIMATE(false), CPU(false), MEMORY(false), PRIORITY(false),
  QUEUE(false), USER(false), DEADLINE(false), DEPS(false);

  private final boolean required;

  CsvColumn(boolean required) {
    this.required = required;
  }

  boolean required() {
    return required;
  }

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<CsvColumn> byName(String name) {
    String k = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.wire().equals(k)).findFirst();
  }

  static String allNames() {
    return Arrays.stream(values()).map(CsvColumn::wire).collect(Collectors.joining(", "));
  }
}
