/**
 * Task output: stdout and stderr of each task appended to its own files (written by the task's
 * processes directly, so output survives an agent restart), and a reader that reads from an offset
 * and follows a file while its task runs ({@code weft task logs ID --follow}).
 */
package dev.weft.agent.logs;
