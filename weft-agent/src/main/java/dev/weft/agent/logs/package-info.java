/**
 * Task output: stdout and stderr of each task appended to its own files (written by the task's
 * processes directly, so output survives an agent restart), a reader that reads from an offset
 * and follows a file while its task runs ({@code weft agent logs}), and {@link
 * dev.weft.agent.logs.LogPacker}, which picks the bytes to ship to the server next and keeps
 * where the server is per run and stream ({@code weft task logs ID --follow} reads them there).
 */
package dev.weft.agent.logs;
