package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/instances}.
 *
 * @param definition {@code namespace/name} of a stored workflow
 * @param version the version to run; null for the latest
 * @param input the workflow input; null for {@code {}}
 */
record StartRequest(String definition, Integer version, JsonNode input) {}
