/**
 * Weft's own immutable execution plan of a workflow: a tree of steps compiled from a validated
 * DSL document, each step identified by its JSON pointer in that document.
 */
package dev.weft.workflow.plan;
