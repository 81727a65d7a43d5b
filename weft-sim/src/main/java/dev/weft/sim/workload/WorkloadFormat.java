package dev.weft.sim.workload;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The workload file formats the simulator reads, and how each is recognised from a file name. */
public enum WorkloadFormat {
  SWF("swf"), CSV("csv"), PYSS("pyss"), WFFORMAT("wfformat"), OPENB("openb");

  private final String wire;

  WorkloadFormat(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** Parses a format name; the message lists the accepted names. */
  public static WorkloadFormat parse(String name) {
    String k = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.wire.equals(k)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown workload format '" + name + "' (expected one of "
            + Arrays.stream(values()).map(WorkloadFormat::wire).collect(Collectors.joining(", ")) + ")"));
  }

  /**
   * The format a file name implies: {@code .swf} and {@code .swf.gz} are SWF, {@code .csv} is CSV
   * ({@code openb_pod_list*.csv}, the Alibaba GPU pods, is openb).
   */
  public static Optional<WorkloadFormat> fromFileName(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".swf") || name.endsWith(".swf.gz")) {
      return Optional.of(SWF);
    }
    if (name.startsWith("openb_pod_list") && name.endsWith(".csv")) {
      return Optional.of(OPENB);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    return Optional.empty();
  }

  /**
   * The format of {@code file} from its name, or for a {@code .json} file from its content: a
   * JSON object with a top-level {@code workflow} field is a WfFormat instance.
   */
  public static Optional<WorkloadFormat> detect(Path file) {
    Optional<WorkloadFormat> byName = fromFileName(file);
    if (byName.isPresent()) {
      return byName;
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") && WfSniffer.looksLikeWfFormat(file) ? Optional.of(WFFORMAT) : Optional.empty();
  }

  /** Reads {@code file} in this format. */
  public Workload read(Path file) {
    return switch (this) {
      case SWF -> new SwfReader().read(file);
      case CSV -> new CsvWorkloadReader().read(file);
      case PYSS -> new PyssReader().read(file);
      case WFFORMAT -> new WfFormatReader().read(file).workload();
      case OPENB -> new OpenbPodReader().read(file);
    };
  }

  @Override
  public String toString() {
    return wire;
  }
}
