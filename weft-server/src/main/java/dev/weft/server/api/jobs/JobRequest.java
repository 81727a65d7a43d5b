package dev.weft.server.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/jobs}: either {@code task} (one task, or with {@code count} an
 * array of that many copies) or {@code tasks} (a list; with {@code dependsOn} a DAG).
 *
 * @param id the job id (default: a new UUID); submitting the same id again is a no-op
 * @param name what run-time history is learned under (default: the id)
 * @param notBefore an ISO-8601 instant before which none of its tasks runs (a delayed job)
 * @param delay the same as a duration from now ({@code 30s}, {@code 5m}, {@code PT1H}); not with notBefore
 */
record JobRequest(String id, String name, JsonNode task, Integer count, JsonNode tasks, String notBefore,
                  String delay) {}
