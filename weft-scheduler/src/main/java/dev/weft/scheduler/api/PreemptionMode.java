package dev.weft.scheduler.api;

/** What happens to a preempted task: killed and queued again from scratch, or suspended with its progress. */
public enum PreemptionMode { KILL_AND_REQUEUE, SUSPEND }
