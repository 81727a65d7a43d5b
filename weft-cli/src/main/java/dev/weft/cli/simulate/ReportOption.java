package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.sim.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --report FILE} option, for any command that can show its results as an HTML report.
 * The file's directory must exist (checked while parsing, so a long run is not wasted); the report
 * is built only when asked for.
 */
public final class ReportOption {
  @Option(names = "--report", paramLabel = "FILE", converter = WritableFile.class,
      description = "Also write a self-contained HTML report (tables and charts; opens offline) to FILE.")
  Path file;

  /**
   * Writes the report when {@code --report} was given.
   *
   * @throws UsageException when the file cannot be written
   */
  public void write(Supplier<Report> report) {
    if (file == null) {
      return;
    }
    try {
      report.get().write(file);
    } catch (IOException e) {
      throw new UsageException("cannot write the report " + file + ": " + e.getMessage());
    }
  }

  /** A path whose directory exists and which is not itself a directory. */
  static final class WritableFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      Path path = Path.of(value);
      Path dir = path.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new TypeConversionException("'" + value + "': directory " + dir + " does not exist");
      }
      if (Files.isDirectory(path)) {
        throw new TypeConversionException("'" + value + "' is a directory; give a file name such as report.html");
      }
      return path;
    }
  }
}
