package dev.weft.model;

/** A task tolerates a taint with the same key and, when {@code value} is not null, the same value. */
public record Toleration(String key, String value) {
  public boolean tolerates(Taint t) {
    return key.equals(t.key()) && (value == null || value.equals(t.value()));
  }
}
