package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event a definition's {@code schedule.on} took and has not used to start an instance yet.
 *
 * @param seq the order in which events were taken (ascending)
 * @param until whether the strategy's {@code until} took it
 */
public record TriggerEvent(long seq, JsonNode event, boolean until) {}
