/**
 * The {@code weft server} process: {@link dev.weft.server.WeftServer} opens the database, runs
 * workflow instances in the background and serves the REST API.
 */
package dev.weft.server;
