package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The offset rule on its own: what a piece adds to a stream, for every way it can sit against what is stored. */
class LogAppendTest {
  static LogPiece piece(long offset, String text, long written, boolean last) {
    return new LogPiece("t", 0, TaskStream.STDOUT, offset, text.getBytes(StandardCharsets.UTF_8), written, last);
  }

  static String stored(LogAppend a) {
    return new String(a.data(), StandardCharsets.UTF_8);
  }

  @Test
  void a_piece_right_after_what_is_stored_is_stored_whole() {
    LogAppend a = LogAppend.of(new LogExtent(3, 3, 0, false), piece(3, "defg", 7, false), 100);
    assertThat(a.offset()).isEqualTo(3);
    assertThat(stored(a)).isEqualTo("defg");
    assertThat(a.after()).isEqualTo(new LogExtent(7, 7, 0, false));
  }

  @Test
  void a_piece_already_stored_stores_nothing() {
    LogAppend a = LogAppend.of(new LogExtent(10, 10, 0, false), piece(2, "cdef", 6, false), 100);
    assertThat(a.data()).isEmpty();
    assertThat(a.after().kept()).isEqualTo(10);
  }

  @Test
  void a_piece_overlapping_the_end_stores_only_its_new_part() {
    LogAppend a = LogAppend.of(new LogExtent(4, 4, 0, false), piece(2, "cdef", 6, false), 100);
    assertThat(a.offset()).isEqualTo(4);
    assertThat(stored(a)).isEqualTo("ef");
  }

  @Test
  void a_piece_past_a_gap_stores_nothing_but_counts_what_was_written() {
    LogAppend a = LogAppend.of(new LogExtent(4, 4, 0, false), piece(6, "gh", 8, true), 100);
    assertThat(a.data()).isEmpty();
    assertThat(a.after()).isEqualTo(new LogExtent(4, 8, 0, false));
  }

  @Test
  void bytes_past_the_limit_are_dropped_and_counted() {
    LogAppend a = LogAppend.of(new LogExtent(8, 8, 0, false), piece(8, "ijkl", 20, false), 10);
    assertThat(stored(a)).isEqualTo("ij");
    assertThat(a.after()).isEqualTo(new LogExtent(10, 20, 10, false));
    assertThat(LogAppend.full(a.after(), 10)).isTrue();
  }

  @Test
  void the_last_piece_ends_the_stream_when_it_joins_what_is_stored() {
    assertThat(LogAppend.of(new LogExtent(10, 20, 10, false), piece(20, "", 20, true), 10).after())
        .isEqualTo(new LogExtent(10, 20, 10, true));
    assertThat(LogAppend.of(new LogExtent(2, 2, 0, false), piece(2, "c", 3, true), 10).after())
        .isEqualTo(new LogExtent(3, 3, 0, true));
  }

  @Test
  void an_agent_that_stopped_shipping_at_its_own_limit_ends_the_stream_with_the_rest_dropped() {
    assertThat(LogAppend.of(new LogExtent(3, 3, 0, false), piece(3, "", 9, true), 100).after())
        .isEqualTo(new LogExtent(3, 9, 6, true));
  }
}
