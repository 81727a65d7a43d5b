package dev.weft.store;

import java.time.Instant;

/** A stored job; its tasks are in {@link TaskStore#ofJob}. */
public record Job(String id, String name, JobKind kind, Instant submittedAt) {}
