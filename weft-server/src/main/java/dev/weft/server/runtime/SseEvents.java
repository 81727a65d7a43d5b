package dev.weft.server.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code data} of the events of a Server-Sent Events stream ({@code text/event-stream}, as
 * the HTML standard reads it): lines end with CRLF, LF or CR; a blank line ends an event; a
 * line starting with {@code :} is a comment; {@code data} lines are joined with LF, one space
 * after the colon dropped; other fields ({@code event}, {@code id}, {@code retry}) are ignored,
 * as is an event without data. Unlike a browser, an event the stream ends in the middle of is
 * kept (a server that closes without the last blank line loses nothing).
 */
final class SseEvents {
  private SseEvents() {}

  static List<String> data(String stream) {
    List<String> events = new ArrayList<>();
    Lines reader = new Lines();
    for (String line : stream.split("\r\n|\r|\n", -1)) {
      String event = reader.accept(line);
      if (event != null) {
        events.add(event);
      }
    }
    String last = reader.end();
    if (last != null) {
      events.add(last);
    }
    return events;
  }

  /** The same reading line by line, for a stream read as it arrives (lines without their ends). */
  static final class Lines {
    private StringBuilder data;

    /** The data of the event {@code line} ends, or null. */
    String accept(String line) {
      if (line.isEmpty()) {
        String event = data == null ? null : data.toString();
        data = null;
        return event;
      }
      if (line.startsWith(":")) {
        return null;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      if (field.equals("data")) {
        String value = colon < 0 ? "" : line.substring(colon + 1);
        value = value.startsWith(" ") ? value.substring(1) : value;
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
      return null;
    }

    /** The data of an event the stream ended in the middle of, or null. */
    String end() {
      return accept("");
    }
  }
}
