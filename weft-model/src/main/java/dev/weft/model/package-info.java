/**
 * Immutable records of Weft's concepts (ARCHITECTURE.md section 1): resource vectors, nodes and
 * their topology, task specs, queue specs. No behaviour beyond arithmetic and validation; the
 * JSON and YAML codecs live in {@code dev.weft.model.codec}.
 */
package dev.weft.model;
