package dev.weft.sim.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;

/** Tells a WfFormat instance from other JSON by streaming over its top-level fields only. */
final class WfSniffer {
  private WfSniffer() {}

  /**
   * True when the file is a JSON object with a top-level {@code workflow} field, even if the file
   * turns out broken after it (the reader then reports where). False for anything else,
   * unreadable files included: the caller then asks for an explicit format.
   */
  static boolean looksLikeWfFormat(Path file) {
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        if (p.currentName().equals("workflow")) {
          return true;
        }
        p.nextToken();
        p.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
