/**
 * The {@code weft} command: the top command, its list of subcommands, and how errors become
 * exit codes (0 success, 1 the work itself failed, 2 bad input or usage) and one-line messages.
 */
package dev.weft.cli;
