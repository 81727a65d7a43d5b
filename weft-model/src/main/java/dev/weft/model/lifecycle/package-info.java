/** Lifecycles as tables: the states of a scheduled task and the events that move it. */
package dev.weft.model.lifecycle;
