/**
 * Reads and writes Weft's specs (nodes, clusters, tasks, queue trees) as JSON or YAML, with the
 * same tree shape in both. Reading never stops at the first mistake: every problem of a document
 * is collected, each naming its place (JSON pointer and line), and thrown together as one
 * {@link dev.weft.model.codec.SpecException}. {@link dev.weft.model.codec.SpecCodec} is the entry
 * point; the formats are described in {@code weft-model/README.md}.
 */
package dev.weft.model.codec;
