/**
 * Backfilling: per-node timelines of expected free capacity (from runtime estimates) and the
 * reservations promised to blocked tasks. A later task may start now only if it delays no
 * reservation (EASY keeps one per queue head, conservative one per blocked task).
 */
package dev.weft.scheduler.backfill;
