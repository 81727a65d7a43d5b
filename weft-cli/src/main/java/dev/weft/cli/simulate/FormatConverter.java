package dev.weft.cli.simulate;

import dev.weft.sim.workload.WorkloadFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --format}. */
final class FormatConverter implements ITypeConverter<WorkloadFormat> {
  @Override
  public WorkloadFormat convert(String value) {
    try {
      return WorkloadFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
