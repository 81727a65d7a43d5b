package dev.weft.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeLogTest {
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<byte[]> records) {
    return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void records_come_back_in_order_across_segments_and_reopening() {
    IntakeLog log = IntakeLog.in(dir);
    log.append(List.of(b("one"), b("two")));
    assertThat(log.rotate()).isEqualTo(1);
    log.append(List.of(b("three")));
    log.close();
    IntakeLog again = IntakeLog.in(dir);
    assertThat(texts(again.readAll())).containsExactly("one", "two", "three");
    again.append(List.of(b("four"))); // a new segment after the last one found
    assertThat(texts(again.readAll())).containsExactly("one", "two", "three", "four");
  }

  @Test
  void a_frame_cut_short_by_a_kill_ends_its_segment() throws IOException {
    IntakeLog log = IntakeLog.in(dir);
    log.append(List.of(b("kept"), b("cut")));
    log.close();
    Path segment = segments().get(0);
    byte[] whole = Files.readAllBytes(segment);
    Files.write(segment, java.util.Arrays.copyOf(whole, whole.length - 2));
    assertThat(texts(IntakeLog.in(dir).readAll())).containsExactly("kept");
  }

  @Test
  void a_frame_that_fails_its_checksum_ends_its_segment() throws IOException {
    IntakeLog log = IntakeLog.in(dir);
    log.append(List.of(b("good"), b("flipped"), b("after")));
    log.close();
    Path segment = segments().get(0);
    byte[] bytes = Files.readAllBytes(segment);
    int second = 8 + 4 + 8; // past the first frame's header and body, then the second's header
    bytes[second] ^= 1;
    Files.write(segment, bytes, StandardOpenOption.TRUNCATE_EXISTING);
    assertThat(texts(IntakeLog.in(dir).readAll())).containsExactly("good");
  }

  @Test
  void retiring_deletes_closed_segments_only() throws IOException {
    IntakeLog log = IntakeLog.in(dir);
    log.append(List.of(b("a")));
    long first = log.rotate();
    log.append(List.of(b("b")));
    long second = log.rotate();
    log.append(List.of(b("c")));
    log.deleteUpTo(second);
    assertThat(segments()).hasSize(1);
    assertThat(texts(log.readAll())).containsExactly("c");
    assertThat(first).isLessThan(second);
    log.deleteAll();
    assertThat(segments()).isEmpty();
    assertThat(log.size()).isZero();
  }
}
