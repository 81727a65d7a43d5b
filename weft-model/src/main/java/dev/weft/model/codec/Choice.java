package dev.weft.model.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A closed set of wire names for an enum, read ignoring case, with the valid names on error. */
final class Choice<E extends Enum<E>> {
  private final String what;
  private final Map<String, E> byWire;

  private Choice(String what, Map<String, E> byWire) {
    this.what = what;
    this.byWire = Collections.unmodifiableMap(byWire);
  }

  /** {@code wireAndValue} alternates wire names and constants, in the order to list them. */
  static <E extends Enum<E>> Choice<E> of(String what, Object... wireAndValue) {
    Map<String, E> byWire = new LinkedHashMap<>();
    for (int i = 0; i < wireAndValue.length; i += 2) {
      @SuppressWarnings("unchecked")
      E value = (E) wireAndValue[i + 1];
      byWire.put((String) wireAndValue[i], value);
    }
    return new Choice<>(what, byWire);
  }

  /** The constant, or null when absent or not one of the names (then reported). */
  E read(Located at) {
    String text = at.text();
    if (text == null) {
      return null;
    }
    for (var e : byWire.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) {
        return e.getValue();
      }
    }
    List<String> names = List.copyOf(byWire.keySet());
    String near = ClosestName.of(text, names);
    at.problem("unknown " + what + " '" + text + "' (" + (near == null ? "" : "did you mean '" + near + "'? ")
        + "expected one of " + String.join(", ", names) + ")");
    return null;
  }

  String wire(E value) {
    for (var e : byWire.entrySet()) {
      if (e.getValue() == value) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("no wire name for " + value);
  }
}
