package dev.weft.cli.simulate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An option value with a name on the command line that need not be a Java identifier ({@code easy++}). */
interface WireName {
  String wire();

  /** Converts the command-line name; the error lists the accepted names. */
  abstract class Converter<E extends Enum<E> & WireName> implements ITypeConverter<E> {
    private final Class<E> type;

    Converter(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      String k = value.strip().toLowerCase(Locale.ROOT);
      return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(k)).findFirst()
          .orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of "
              + Arrays.stream(type.getEnumConstants()).map(WireName::wire).collect(Collectors.joining(", "))));
    }
  }
}
