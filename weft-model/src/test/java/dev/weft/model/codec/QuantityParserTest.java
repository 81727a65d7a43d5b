package dev.weft.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QuantityParserTest {

  @ParameterizedTest(name = "cpu \"{0}\" is {1} millicores")
  @CsvSource(delimiter = '|', textBlock = """
      2       | 2000
      0.5     | 500
      2.5     | 2500
      500m    | 500
      ' 3 '   | 3000
      1.5m    | 2
      0.0001  | 1
      0       | 0
      1e3     | 1000000
      """)
  void cpu_is_written_in_cpus_or_millicores_and_rounds_up(String text, long millis) {
    assertThat(QuantityParser.cpuMillis(text)).isEqualTo(millis);
  }

  @ParameterizedTest(name = "cpu \"{0}\" is refused: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      lots   | expected a cpu quantity like 2, 0.5 or 500m, got "lots"
      -1     | must not be negative, got -1
      -500m  | must not be negative, got "-500m"
      2k     | unknown cpu unit 'k' (write CPUs like 2 or 0.5, or millicores like 500m), got "2k"
      ''     | expected a cpu quantity like 2, 0.5 or 500m, got ""
      1e40   | is too large, got 1e40
      """)
  void a_bad_cpu_quantity_is_refused_with_a_message_naming_it(String text, String message) {
    assertThatThrownBy(() -> QuantityParser.cpuMillis(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "memory \"{0}\" is {1} MiB")
  @CsvSource(delimiter = '|', textBlock = """
      512     | 512
      512Mi   | 512
      4Gi     | 4096
      1.5Gi   | 1536
      1Ti     | 1048576
      1Pi     | 1073741824
      1Ei     | 1099511627776
      1Ki     | 1
      2048Ki  | 2
      1k      | 1
      1M      | 1
      1G      | 954
      1T      | 953675
      1E      | 953674316407
      0.5     | 1
      0       | 0
      """)
  void memory_is_mib_or_a_binary_or_decimal_quantity_rounded_up_to_whole_mib(String text, long mib) {
    assertThat(QuantityParser.mebibytes(text)).isEqualTo(mib);
  }

  @ParameterizedTest(name = "memory \"{0}\" is refused: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      lots          | expected a quantity like 4Gi or 512Mi, got "lots"
      -3Gi          | must not be negative, got "-3Gi"
      4GB           | unknown unit 'GB' (did you mean 'Gi'?), got "4GB"
      4gi           | unknown unit 'gi' (did you mean 'Gi'?), got "4gi"
      4 bytes       | unknown unit 'bytes' (expected one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E), got "4 bytes"
      9999999999Ei  | is too large, got "9999999999Ei"
      Gi            | expected a quantity like 4Gi or 512Mi, got "Gi"
      """)
  void a_bad_memory_quantity_is_refused_with_a_message_naming_it(String text, String message) {
    assertThatThrownBy(() -> QuantityParser.mebibytes(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "count \"{0}\" is refused: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2.5   | expected a whole number, got 2.5
      -1    | must not be negative, got -1
      2x    | expected a whole number, got "2x"
      many  | expected a whole number, got "many"
      """)
  void a_count_is_a_non_negative_whole_number(String text, String message) {
    assertThat(QuantityParser.count("3")).isEqualTo(3);
    assertThat(QuantityParser.count("2.0")).isEqualTo(2);
    assertThatThrownBy(() -> QuantityParser.count(text)).hasMessage(message);
  }

  @ParameterizedTest(name = "{0} MiB prints as {1}")
  @CsvSource(delimiter = '|', textBlock = """
      4096     | 4Gi
      1536     | 1536Mi
      1048576  | 1Ti
      3        | 3Mi
      0        | 0Mi
      """)
  void memory_prints_in_the_largest_binary_unit_that_divides_it(long mib, String text) {
    assertThat(QuantityParser.formatMebibytes(mib)).isEqualTo(text);
    assertThat(QuantityParser.mebibytes(text)).isEqualTo(mib);
  }
}
