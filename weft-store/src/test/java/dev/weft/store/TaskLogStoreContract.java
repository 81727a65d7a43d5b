package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.weft.model.lifecycle.TaskEvent;
import org.junit.jupiter.api.Test;

/** The {@link TaskLogStore} contract, run on every database. */
abstract class TaskLogStoreContract extends StoreContract {
  static final long LIMIT = 1000;

  static LogPiece piece(TaskStream stream, long offset, String text, boolean last) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    return new LogPiece("job/1", 0, stream, offset, data, offset + data.length, last);
  }

  LogExtent append(LogPiece p) {
    return db.taskLogs().append(p, LIMIT, T0);
  }

  String text(TaskStream stream, long from, int max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long at = from;
    for (LogBytes b : db.taskLogs().read("job/1", 0, stream, from, max)) {
      assertThat(b.offset()).as("chunks follow each other without gaps").isEqualTo(at);
      out.writeBytes(b.data());
      at = b.end();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pieces_are_stored_in_order_and_read_back_from_any_offset() {
    append(piece(TaskStream.STDOUT, 0, "one\n", false));
    LogExtent e = append(piece(TaskStream.STDOUT, 4, "two\n", false));
    assertThat(e).isEqualTo(new LogExtent(0, 8, 8, false));
    assertThat(text(TaskStream.STDOUT, 0, 100)).isEqualTo("one\ntwo\n");
    assertThat(text(TaskStream.STDOUT, 2, 100)).isEqualTo("e\ntwo\n");
    assertThat(text(TaskStream.STDOUT, 2, 3)).isEqualTo("e\nt");
    assertThat(text(TaskStream.STDOUT, 8, 100)).isEmpty();
    assertThat(db.taskLogs().extent("job/1", 0, TaskStream.STDOUT)).isEqualTo(e);
  }

  @Test
  void a_piece_sent_again_or_overlapping_is_stored_once() {
    append(piece(TaskStream.STDOUT, 0, "abcd", false));
    append(piece(TaskStream.STDOUT, 0, "abcd", false));
    LogExtent e = append(piece(TaskStream.STDOUT, 2, "cdef", false));
    assertThat(e.kept()).isEqualTo(6);
    assertThat(text(TaskStream.STDOUT, 0, 100)).isEqualTo("abcdef");
  }

  @Test
  void a_piece_past_a_gap_stores_nothing_and_the_extent_says_where_to_resume() {
    append(piece(TaskStream.STDOUT, 0, "ab", false));
    LogExtent e = append(piece(TaskStream.STDOUT, 5, "fgh", false));
    assertThat(e.kept()).isEqualTo(2);
    assertThat(e.written()).isEqualTo(8);
    assertThat(text(TaskStream.STDOUT, 0, 100)).isEqualTo("ab");
  }

  @Test
  void stdout_stderr_and_attempts_are_kept_apart() {
    append(piece(TaskStream.STDOUT, 0, "out", false));
    append(piece(TaskStream.STDERR, 0, "err", false));
    db.taskLogs().append(new LogPiece("job/1", 1, TaskStream.STDOUT, 0, "again".getBytes(StandardCharsets.UTF_8), 5,
        false), LIMIT, T0);
    assertThat(text(TaskStream.STDOUT, 0, 100)).isEqualTo("out");
    assertThat(text(TaskStream.STDERR, 0, 100)).isEqualTo("err");
    assertThat(db.taskLogs().extent("job/1", 1, TaskStream.STDOUT).kept()).isEqualTo(5);
    assertThat(db.taskLogs().extent("job/1", 2, TaskStream.STDOUT)).isEqualTo(LogExtent.NONE);
  }

  @Test
  void only_the_newest_chunks_are_kept_and_a_reader_from_older_offsets_starts_at_the_oldest_kept() {
    for (int i = 0; i < 6; i++) { // 6 chunks of 300 bytes: a, b, ..., f
      append(piece(TaskStream.STDOUT, i * 300L, String.valueOf((char) ('a' + i)).repeat(300), false));
    }
    LogExtent e = db.taskLogs().extent("job/1", 0, TaskStream.STDOUT);
    // the newest 1000 bytes fall in the last four chunks (c from 600 on); a and b were let go
    assertThat(e).isEqualTo(new LogExtent(600, 1800, 1800, false));
    assertThat(e.dropped()).isEqualTo(600);
    assertThat(text(TaskStream.STDOUT, 600, 5000)).isEqualTo("c".repeat(300) + "d".repeat(300) + "e".repeat(300)
        + "f".repeat(300));
    List<LogBytes> fromZero = db.taskLogs().read("job/1", 0, TaskStream.STDOUT, 0, 10);
    assertThat(fromZero).singleElement().satisfies(b -> assertThat(b.offset()).isEqualTo(600));
    LogExtent ended = append(piece(TaskStream.STDOUT, 1800, "", true));
    assertThat(ended.ended()).isTrue();
    assertThat(ended.dropped()).isEqualTo(600);
  }

  @Test
  void an_agent_that_skipped_to_its_newest_bytes_starts_the_stream_anew_there() {
    append(piece(TaskStream.STDOUT, 0, "old", false));
    LogExtent e = db.taskLogs().append(new LogPiece("job/1", 0, TaskStream.STDOUT, 4000,
        "new".getBytes(StandardCharsets.UTF_8), 4500, false), LIMIT, T0);
    assertThat(e).isEqualTo(new LogExtent(4000, 4003, 4500, false));
    assertThat(text(TaskStream.STDOUT, 4000, 100)).isEqualTo("new");
    assertThat(db.taskLogs().read("job/1", 0, TaskStream.STDOUT, 0, 100)).extracting(LogBytes::offset)
        .containsExactly(4000L);
  }

  @Test
  void the_stream_has_ended_once_the_last_piece_is_stored_without_gaps() {
    LogExtent gap = append(piece(TaskStream.STDERR, 3, "end", true));
    assertThat(gap.ended()).isFalse();
    append(piece(TaskStream.STDERR, 0, "the", false));
    assertThat(append(piece(TaskStream.STDERR, 3, "end", true)).ended()).isTrue();
    assertThat(append(piece(TaskStream.STDERR, 0, "", true)).ended()).as("ended stays ended").isTrue();
  }

  @Test
  void an_empty_last_piece_ends_a_stream_the_task_never_wrote_to() {
    assertThat(append(piece(TaskStream.STDERR, 0, "", true))).isEqualTo(new LogExtent(0, 0, 0, true));
    assertThat(text(TaskStream.STDERR, 0, 100)).isEmpty();
  }

  @Test
  void the_same_pieces_taken_by_several_threads_at_once_are_stored_once() throws Exception {
    List<Callable<LogExtent>> calls = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      for (int i = 0; i < 10; i++) {
        int at = i * 10;
        calls.add(() -> append(piece(TaskStream.STDOUT, at, String.valueOf((char) ('a' + at / 10)).repeat(10), false)));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<LogExtent> f : pool.invokeAll(calls)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // pieces may arrive out of order (some then leave a gap and store nothing): send each once more, in order
    for (int i = 0; i < 10; i++) {
      append(piece(TaskStream.STDOUT, i * 10, String.valueOf((char) ('a' + i)).repeat(10), false));
    }
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      expected.append(String.valueOf((char) ('a' + i)).repeat(10));
    }
    assertThat(text(TaskStream.STDOUT, 0, 1000)).isEqualTo(expected.toString());
    assertThat(db.taskLogs().extent("job/1", 0, TaskStream.STDOUT).kept()).isEqualTo(100);
  }

  @Test
  void logs_survive_a_reopened_database() {
    append(piece(TaskStream.STDOUT, 0, "kept\n", true));
    reopen();
    assertThat(text(TaskStream.STDOUT, 0, 100)).isEqualTo("kept\n");
    assertThat(db.taskLogs().extent("job/1", 0, TaskStream.STDOUT).ended()).isTrue();
  }

  @Test
  void the_logs_of_tasks_that_ended_before_the_cutoff_are_purged_oldest_first_and_no_others() {
    db.jobs().submit(new NewJob("j", "nightly", JobKind.ARRAY, List.of(new NewTask("j/old", "etl", json("cpu", 1),
        "root.default", 50), new NewTask("j/older", "etl", json("cpu", 1), "root.default", 50),
        new NewTask("j/recent", "etl", json("cpu", 1), "root.default", 50), new NewTask("j/running", "etl",
        json("cpu", 1), "root.default", 50))), T0);
    finish("j/older", TaskEvent.SUCCEED, T0.plusSeconds(10));
    finish("j/old", TaskEvent.FAIL, T0.plusSeconds(20));
    finish("j/recent", TaskEvent.SUCCEED, T0.plusSeconds(100));
    start("j/running");
    for (String task : List.of("j/old", "j/older", "j/recent", "j/running")) {
      for (TaskStream stream : TaskStream.values()) {
        db.taskLogs().append(new LogPiece(task, 0, stream, 0, "x\n".getBytes(StandardCharsets.UTF_8), 2, true), LIMIT, T0);
      }
    }
    assertThat(db.taskLogs().purgeEndedBefore(T0.plusSeconds(50), 1)).isEqualTo(1);
    assertThat(held("j/older")).isFalse();
    assertThat(held("j/old")).isTrue();
    assertThat(db.taskLogs().purgeEndedBefore(T0.plusSeconds(50), 10)).isEqualTo(1);
    assertThat(db.taskLogs().purgeEndedBefore(T0.plusSeconds(50), 10)).isZero();
    assertThat(held("j/old")).isFalse();
    assertThat(held("j/recent")).isTrue();
    assertThat(held("j/running")).isTrue();
    assertThat(db.taskLogs().read("j/recent", 0, TaskStream.STDERR, 0, 100)).hasSize(1);
  }

  private boolean held(String task) {
    boolean any = false;
    for (TaskStream stream : TaskStream.values()) {
      any |= !db.taskLogs().extent(task, 0, stream).equals(LogExtent.NONE);
      any |= !db.taskLogs().read(task, 0, stream, 0, 100).isEmpty();
    }
    return any;
  }

  private void start(String id) {
    TaskRecord t = db.tasks().apply(TaskChange.place(id, db.tasks().find(id).orElseThrow().version(), "n-1"), T0);
    db.tasks().apply(TaskChange.of(id, t.version(), TaskEvent.START, null), T0);
  }

  private void finish(String id, TaskEvent how, java.time.Instant at) {
    start(id);
    db.tasks().apply(TaskChange.finish(id, db.tasks().find(id).orElseThrow().version(), how == TaskEvent.SUCCEED ? 0 : 1,
        "done"), at);
  }
}
