package dev.weft.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DurationParserTest {

  @ParameterizedTest(name = "\"{0}\" is {1} ms")
  @CsvSource(delimiter = '|', textBlock = """
      30       | 30000
      0.25     | 250
      0.0001   | 1
      250ms    | 250
      30s      | 30000
      1.5s     | 1500
      5m       | 300000
      2h       | 7200000
      1d       | 86400000
      1h30m    | 5400000
      ' 5m '   | 300000
      PT5M     | 300000
      P1DT2H   | 93600000
      PT0.5S   | 500
      0        | 0
      """)
  void a_duration_is_seconds_units_or_iso_8601(String text, long millis) {
    assertThat(DurationParser.millis(text)).isEqualTo(millis);
  }

  @ParameterizedTest(name = "\"{0}\" is refused: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      soon     | expected a duration like 30s, 5m, 2h, 1d, 250ms or PT5M, got "soon"
      5x       | expected a duration like 30s, 5m, 2h, 1d, 250ms or PT5M, got "5x"
      5 min    | expected a duration like 30s, 5m, 2h, 1d, 250ms or PT5M, got "5 min"
      P        | expected a duration like 30s, 5m, 2h, 1d, 250ms or PT5M, got "P"
      -5s      | must not be negative, got "-5s"
      -5       | must not be negative, got -5
      PT-5M    | must not be negative, got "PT-5M"
      ''       | expected a duration like 30s, 5m, 2h, 1d, 250ms or PT5M, got ""
      99999999999999999d | is too large, got "99999999999999999d"
      """)
  void a_bad_duration_is_refused_with_a_message_naming_it(String text, String message) {
    assertThatThrownBy(() -> DurationParser.millis(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0} ms prints as {1}")
  @CsvSource(delimiter = '|', textBlock = """
      5400000   | 90m
      86400000  | 1d
      7200000   | 2h
      30000     | 30s
      250       | 250ms
      1500      | 1500ms
      0         | 0s
      """)
  void a_duration_prints_in_the_largest_unit_that_divides_it(long millis, String text) {
    assertThat(DurationParser.format(millis)).isEqualTo(text);
    assertThat(DurationParser.millis(text)).isEqualTo(millis);
  }
}
