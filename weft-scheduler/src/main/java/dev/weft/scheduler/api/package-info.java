/** What flows into the scheduler (a snapshot and the pending tasks) and what flows out (a plan). */
package dev.weft.scheduler.api;
