/** {@code weft agent ...}: look at what this machine offers and how it fences tasks, and run one task on it. */
package dev.weft.cli.agent;
