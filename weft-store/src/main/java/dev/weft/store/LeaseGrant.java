package dev.weft.store;

import java.time.Instant;

/** A held lease. {@code epoch} counts the holders so far: a new holder gets a higher one (fencing). */
public record LeaseGrant(String name, String holder, long epoch, Instant expiresAt) {}
