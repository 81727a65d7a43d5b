package dev.weft.store;

/** The tails of what one attempt of a task printed (either may be null: not reported). */
public record TaskOutput(String taskId, int attempt, String stdout, String stderr) {}
