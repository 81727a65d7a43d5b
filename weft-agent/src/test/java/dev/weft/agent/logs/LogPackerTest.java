package dev.weft.agent.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which bytes go out next, by cursor, within the limits; the server's answers move the cursors. */
class LogPackerTest {
  @TempDir
  Path tmp;
  TaskLogs logs;

  @BeforeEach
  void setUp() {
    logs = new TaskLogs(tmp);
  }

  void write(String run, LogStream stream, String text) throws IOException {
    Files.writeString(logs.file(run, stream), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  static String text(LogPiece p) {
    return new String(p.data(), StandardCharsets.UTF_8);
  }

  static LogAck ack(LogPiece p) {
    return new LogAck(p.runId(), p.stream(), p.offset() + p.data().length, false, p.last());
  }

  @Test
  void new_bytes_go_out_from_where_the_server_is_and_nothing_when_nothing_is_new() throws IOException {
    LogPacker packer = new LogPacker(logs, new ShipLimits(100, 1000, 10_000));
    write("r~0", LogStream.STDOUT, "one\n");
    List<LogPiece> first = packer.newBytes(List.of("r~0"));
    assertThat(first).singleElement().satisfies(p -> {
      assertThat(text(p)).isEqualTo("one\n");
      assertThat(p.offset()).isZero();
      assertThat(p.written()).isEqualTo(4);
      assertThat(p.last()).isFalse();
    });
    packer.acknowledge(first.stream().map(LogPackerTest::ack).toList());
    assertThat(packer.newBytes(List.of("r~0"))).isEmpty();
    write("r~0", LogStream.STDOUT, "two\n");
    write("r~0", LogStream.STDERR, "oops\n");
    assertThat(packer.newBytes(List.of("r~0"))).extracting(p -> p.stream() + "@" + p.offset() + ":" + text(p))
        .containsExactly("STDOUT@4:two\n", "STDERR@0:oops\n");
  }

  @Test
  void an_unanswered_shipment_is_sent_again_from_the_same_offset() throws IOException {
    LogPacker packer = new LogPacker(logs, new ShipLimits(100, 1000, 10_000));
    write("r~0", LogStream.STDOUT, "abc");
    assertThat(packer.newBytes(List.of("r~0"))).extracting(LogPiece::offset).containsExactly(0L);
    assertThat(packer.newBytes(List.of("r~0"))).extracting(LogPiece::offset).containsExactly(0L);
  }

  @Test
  void pieces_respect_the_chunk_and_shipment_limits() throws IOException {
    LogPacker packer = new LogPacker(logs, new ShipLimits(4, 6, 10_000));
    write("a~0", LogStream.STDOUT, "0123456789");
    write("b~0", LogStream.STDOUT, "abcdefghij");
    List<LogPiece> pieces = packer.newBytes(List.of("a~0", "b~0"));
    assertThat(pieces).extracting(LogPackerTest::text).containsExactly("0123", "ab");
  }

  @Test
  void a_cursor_further_behind_than_the_window_skips_to_the_newest_bytes() throws IOException {
    LogPacker packer = new LogPacker(logs, new ShipLimits(100, 1000, 5));
    write("r~0", LogStream.STDOUT, "0123456789");
    assertThat(packer.newBytes(List.of("r~0"))).singleElement().satisfies(p -> {
      assertThat(p.offset()).as("the newest 5 bytes").isEqualTo(5);
      assertThat(text(p)).isEqualTo("56789");
      assertThat(p.written()).isEqualTo(10);
    });
    packer.acknowledge(List.of(new LogAck("r~0", LogStream.STDOUT, 10, false, false)));
    write("r~0", LogStream.STDOUT, "ab");
    assertThat(packer.newBytes(List.of("r~0"))).extracting(p -> p.offset() + ":" + text(p)).containsExactly("10:ab");
    write("r~0", LogStream.STDOUT, "cdefghij");
    List<LogPiece> rest = packer.rest(List.of("r~0"));
    assertThat(rest).singleElement().satisfies(p -> {
      assertThat(p.offset()).isEqualTo(15);
      assertThat(text(p)).isEqualTo("fghij");
      assertThat(p.written()).isEqualTo(20);
      assertThat(p.last()).isTrue();
    });
    packer.acknowledge(rest.stream().map(LogPackerTest::ack).toList());
    assertThat(packer.delivered("r~0")).isTrue();
    assertThat(packer.newBytes(List.of("r~0"))).isEmpty();
  }

  @Test
  void a_server_that_wants_no_more_gets_only_an_empty_last_piece() throws IOException {
    LogPacker packer = new LogPacker(logs, new ShipLimits(100, 1000, 10_000));
    write("r~0", LogStream.STDERR, "0123456789");
    packer.acknowledge(List.of(new LogAck("r~0", LogStream.STDERR, 3, true, false)));
    assertThat(packer.newBytes(List.of("r~0"))).isEmpty();
    assertThat(packer.rest(List.of("r~0"))).singleElement().satisfies(p -> {
      assertThat(p.data()).isEmpty();
      assertThat(p.offset()).isEqualTo(3);
      assertThat(p.last()).isTrue();
    });
  }

  @Test
  void streams_never_written_to_need_nothing_to_be_delivered() {
    LogPacker packer = new LogPacker(logs, ShipLimits.defaults());
    assertThat(packer.rest(List.of("quiet~0"))).isEmpty();
    assertThat(packer.delivered("quiet~0")).isTrue();
  }

  @Test
  void a_server_behind_the_cursor_moves_it_back() throws IOException {
    LogPacker packer = new LogPacker(logs, new ShipLimits(100, 1000, 10_000));
    write("r~0", LogStream.STDOUT, "abcdef");
    packer.acknowledge(List.of(new LogAck("r~0", LogStream.STDOUT, 6, false, false)));
    assertThat(packer.acknowledge(List.of(new LogAck("r~0", LogStream.STDOUT, 2, false, false)))).isTrue();
    assertThat(packer.newBytes(List.of("r~0"))).extracting(LogPackerTest::text).containsExactly("cdef");
  }
}
