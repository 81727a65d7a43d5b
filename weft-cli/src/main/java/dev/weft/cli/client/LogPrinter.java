package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Prints the chunks of log answers: stdout bytes to one writer, stderr bytes to another, each
 * decoded as UTF-8 across chunk boundaries (a character split between two answers is printed
 * whole), invalid bytes as U+FFFD. Remembers the offsets to ask for next.
 */
final class LogPrinter {
  private final Stream out;
  private final Stream err;

  LogPrinter(PrintWriter out, PrintWriter err) {
    this.out = new Stream(out);
    this.err = new Stream(err);
  }

  /**
   * Prints an answer's chunks and takes its {@code next} offsets. A chunk past where its stream was
   * (the server let older bytes go: it keeps the newest 8 MiB of a stream) is announced on stderr.
   */
  void print(JsonNode answer) {
    for (JsonNode c : answer.path("chunks")) {
      byte[] bytes = Base64.getDecoder().decode(c.path("data").asText());
      String name = c.path("stream").asText();
      Stream s = "stderr".equals(name) ? err : out;
      long offset = c.path("offset").asLong(s.next);
      if (offset > s.next) {
        s.pending = ByteBuffer.allocate(0); // a character cut by the skip is not completed by what follows
        err.writer.println("weft: " + name + ": " + (offset - s.next) + " bytes before offset " + offset
            + " were not kept (the server keeps the newest 8 MiB of a stream)");
        err.writer.flush();
      }
      s.write(bytes);
      s.next = Math.max(s.next, offset + bytes.length);
    }
    out.next = answer.path("next").path("stdout").asLong(out.next);
    err.next = answer.path("next").path("stderr").asLong(err.next);
  }

  /** The {@code offset} parameter for the streams asked for. */
  String offset(String streams) {
    return switch (streams) {
      case "stdout" -> Long.toString(out.next);
      case "stderr" -> Long.toString(err.next);
      default -> out.next + "," + err.next;
    };
  }

  private static final class Stream {
    final PrintWriter writer;
    final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer pending = ByteBuffer.allocate(0);
    long next;

    Stream(PrintWriter writer) {
      this.writer = writer;
    }

    void write(byte[] bytes) {
      ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length).put(pending).put(bytes).flip();
      CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
      decoder.decode(in, chars, false);
      pending = in.slice(); // an incomplete character at the end waits for the next chunk
      writer.print(chars.flip());
      writer.flush();
    }
  }
}
