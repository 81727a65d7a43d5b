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
    LogAppend a = LogAppend.of(new LogExtent(0, 3, 3, false), piece(3, "defg", 7, false), 100);
    assertThat(a.offset()).isEqualTo(3);
    assertThat(stored(a)).isEqualTo("defg");
    assertThat(a.after()).isEqualTo(new LogExtent(0, 7, 7, false));
    assertThat(a.trimBelow()).as("within the limit: nothing let go").isZero();
  }

  @Test
  void a_piece_already_stored_stores_nothing() {
    LogAppend a = LogAppend.of(new LogExtent(0, 10, 10, false), piece(2, "cdef", 6, false), 100);
    assertThat(a.data()).isEmpty();
    assertThat(a.after().kept()).isEqualTo(10);
  }

  @Test
  void a_piece_overlapping_the_end_stores_only_its_new_part() {
    LogAppend a = LogAppend.of(new LogExtent(0, 4, 4, false), piece(2, "cdef", 6, false), 100);
    assertThat(a.offset()).isEqualTo(4);
    assertThat(stored(a)).isEqualTo("ef");
  }

  @Test
  void a_piece_past_a_gap_within_the_limit_stores_nothing_but_counts_what_was_written() {
    LogAppend a = LogAppend.of(new LogExtent(0, 4, 4, false), piece(6, "gh", 8, true), 100);
    assertThat(a.data()).isEmpty();
    assertThat(a.after()).isEqualTo(new LogExtent(0, 4, 8, false));
  }

  @Test
  void a_piece_past_more_than_the_limit_is_the_agent_skipping_ahead_and_starts_the_stream_anew() {
    LogAppend a = LogAppend.of(new LogExtent(0, 4, 4, false), piece(20, "uv", 30, false), 10);
    assertThat(a.offset()).isEqualTo(20);
    assertThat(stored(a)).isEqualTo("uv");
    assertThat(a.after()).isEqualTo(new LogExtent(20, 22, 30, false));
    assertThat(a.trimBelow()).as("everything stored before is let go").isEqualTo(20);
    assertThat(a.after().dropped()).isEqualTo(20);
  }

  @Test
  void bytes_older_than_the_newest_limit_are_let_go() {
    LogAppend a = LogAppend.of(new LogExtent(0, 8, 8, false), piece(8, "ijkl", 12, false), 10);
    assertThat(stored(a)).isEqualTo("ijkl");
    assertThat(a.after()).isEqualTo(new LogExtent(0, 12, 12, false));
    assertThat(a.trimBelow()).as("chunks ending at or before 2 go; the store says where the rest start").isEqualTo(2);
  }

  @Test
  void the_last_piece_ends_the_stream_when_it_joins_what_is_stored_and_nothing_is_stored_after() {
    assertThat(LogAppend.of(new LogExtent(0, 2, 2, false), piece(2, "c", 3, true), 10).after())
        .isEqualTo(new LogExtent(0, 3, 3, true));
    LogAppend late = LogAppend.of(new LogExtent(0, 3, 3, true), piece(3, "d", 4, false), 10);
    assertThat(late.data()).isEmpty();
    assertThat(late.after().ended()).isTrue();
  }

  @Test
  void an_agent_that_stopped_short_ends_the_stream_with_the_rest_dropped() {
    LogExtent ended = LogAppend.of(new LogExtent(0, 3, 3, false), piece(3, "", 9, true), 100).after();
    assertThat(ended).isEqualTo(new LogExtent(0, 3, 9, true));
    assertThat(ended.dropped()).isEqualTo(6);
  }
}
