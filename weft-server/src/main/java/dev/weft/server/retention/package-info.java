/**
 * Retention: what the server deletes once it is old enough, so the database does not grow forever.
 * {@link dev.weft.server.retention.JobPurge} deletes ended jobs with their tasks ({@code --job-retention});
 * {@link dev.weft.server.logs.LogPurge} deletes ended tasks' logs sooner ({@code --log-retention}). Both
 * run on a {@link dev.weft.server.retention.PurgeLoop}.
 */
package dev.weft.server.retention;
