package dev.weft.agent.protocol;

/**
 * The server's answer to a join.
 *
 * @param nodeId the id the server gave this node
 * @param sessionToken the credential of this session, sent with every later call by the transport
 */
public record Joined(String nodeId, String sessionToken) {}
