/**
 * {@code weft demo}: an embedded server, three agents as child processes, a queue tree and a mixed
 * batch submitted over the REST API, a progress bar while it runs and a summary read back from the
 * task records. The pure parts (the workload, the record of each task's attempts, backfill
 * detection, the summary) are separate from the parts that start processes and call the API.
 */
package dev.weft.cli.demo;
