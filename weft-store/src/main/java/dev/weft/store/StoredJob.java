package dev.weft.store;

/** What {@link JobStore#store} did: the job as stored, and whether this call stored it. */
public record StoredJob(Job job, boolean created) {}
