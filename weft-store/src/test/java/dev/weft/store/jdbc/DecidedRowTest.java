package dev.weft.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.InstanceStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecidedRowTest {
  @Test
  void a_row_reads_back_as_written() throws IOException {
    DecidedRow row = new DecidedRow("i-1", "key-é", "order", 3, InstanceStatus.RUNNING, "{\"n\":\"✓\"}", 1_700_000_000_123L,
        "[{\"type\":\"Started\",\"payload\":{}}]", 1,
        List.of(new DecidedRow.CommandRow("i-1/do/0/1", "call", "{\"a\":1}"), new DecidedRow.CommandRow("c2", "emit", "{}")));
    assertThat(DecidedRow.decode(row.encode())).isEqualTo(row);
  }

  @Test
  void a_row_without_head_events_or_commands_reads_back() throws IOException {
    DecidedRow row = new DecidedRow("i-2", "k", "d", 1, InstanceStatus.COMPLETED, "{}", 5, null, 0, List.of());
    assertThat(DecidedRow.decode(row.encode())).isEqualTo(row);
  }

  @Test
  void bytes_that_are_not_a_row_are_refused() {
    DecidedRow row = new DecidedRow("i-3", "k", "d", 1, InstanceStatus.COMPLETED, "{}", 5, null, 0, List.of());
    byte[] bytes = row.encode();
    assertThatThrownBy(() -> DecidedRow.decode(Arrays.copyOf(bytes, bytes.length - 3))).isInstanceOf(IOException.class);
    byte[] unknown = bytes.clone();
    unknown[0] = 99;
    assertThatThrownBy(() -> DecidedRow.decode(unknown)).hasMessageContaining("format 99");
  }
}
