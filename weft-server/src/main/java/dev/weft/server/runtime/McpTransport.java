package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.BlockingQueue;

/**
 * How JSON-RPC messages go to and come from an MCP server: {@link McpStdio} (a child process) or
 * {@link McpHttp} (Streamable HTTP). What the server sends arrives in {@link #inbox()}; when the
 * server is gone a message holding only {@link #CLOSED} (saying why) arrives instead.
 */
interface McpTransport extends AutoCloseable {
  /** The field of the inbox message that says the server is gone. */
  String CLOSED = "$closed";

  /** Sends one message. */
  void send(ObjectNode message) throws CommandFault;

  /** The messages from the server, in order. */
  BlockingQueue<JsonNode> inbox();

  /** The session is initialized with {@code protocolVersion} (HTTP sends it on every later request). */
  default void initialized(String protocolVersion) {}

  /** The server in words, for errors: the command or the endpoint. */
  String describe();

  /** Ends the session and frees what it holds; never throws. */
  @Override
  void close();
}
