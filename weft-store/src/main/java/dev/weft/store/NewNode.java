package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node as its agent registers it: {@code capacity}, {@code labels} and {@code taints} in the
 * model's node format (see weft-model's README), topology as {@code region/zone/rack}.
 */
public record NewNode(String id, String topology, JsonNode capacity, JsonNode labels, JsonNode taints) {}
