/**
 * The pure decider: {@code decide(state, event, now) -> (state', commands)}. Pure steps run
 * inside one decision; side effects leave as commands with deterministic ids, and their
 * results come back as events.
 */
package dev.weft.workflow.decide;
