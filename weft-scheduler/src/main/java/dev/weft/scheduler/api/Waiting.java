package dev.weft.scheduler.api;

import java.util.List;

/** Tasks left pending for one shared reason (e.g. all those behind the blocked head of a queue). */
public record Waiting(String summary, List<String> taskIds) {}
