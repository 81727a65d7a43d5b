/**
 * Test doubles for the planner port: a strict in-order planner and a scripted one, so the
 * simulator's mechanics can be tested without the real scheduling core.
 */
package dev.weft.sim.testing;
