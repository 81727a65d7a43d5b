package dev.weft.model;

/**
 * A node taint: tasks that do not tolerate it may not run there ({@code NO_SCHEDULE}) or are
 * steered away ({@code PREFER_NO_SCHEDULE}). Value may be empty.
 */
public record Taint(String key, String value, Effect effect) {
  public enum Effect { NO_SCHEDULE, PREFER_NO_SCHEDULE }

  public Taint {
    value = value == null ? "" : value;
    effect = effect == null ? Effect.NO_SCHEDULE : effect;
  }
}
