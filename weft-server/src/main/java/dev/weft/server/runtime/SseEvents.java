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
    StringBuilder data = null;
    for (String line : stream.split("\r\n|\r|\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          events.add(data.toString());
        }
        data = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      if (field.equals("data")) {
        String value = colon < 0 ? "" : line.substring(colon + 1);
        value = value.startsWith(" ") ? value.substring(1) : value;
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    if (data != null) {
      events.add(data.toString());
    }
    return events;
  }
}
