package dev.weft.server.scheduling;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The name an agent knows one attempt of a task by: the task id made safe for file and cgroup
 * names ({@code A-Z a-z 0-9 _ -} kept, any other byte of its UTF-8 written {@code .XX}), then
 * {@code ~} and the attempt. So {@code etl/3} at attempt 1 is {@code etl.2F3~1}: its logs and
 * cgroup are the agent's, and a report about an attempt that was since lost and queued again is
 * told apart from one about the current attempt.
 */
public record RunId(String taskId, int attempt) {
  private static final String HEX = "0123456789ABCDEF";

  public static RunId of(String runId) {
    int sep = runId == null ? -1 : runId.lastIndexOf('~');
    if (sep <= 0 || sep == runId.length() - 1) {
      throw new IllegalArgumentException("'" + runId + "' is not a run id (TASK~ATTEMPT)");
    }
    int attempt;
    try {
      attempt = Integer.parseInt(runId.substring(sep + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + runId + "' is not a run id: the attempt after '~' is not a number");
    }
    return new RunId(decode(runId.substring(0, sep), runId), attempt);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (byte b : taskId.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        out.append(c);
      } else {
        out.append('.').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
      }
    }
    return out.append('~').append(attempt).toString();
  }

  private static String decode(String s, String whole) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (i + 3 > s.length()) {
          throw new IllegalArgumentException("'" + whole + "' is not a run id: '.' must be followed by two hex digits");
        }
        try {
          bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + whole + "' is not a run id: '.' must be followed by two hex digits");
        }
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
