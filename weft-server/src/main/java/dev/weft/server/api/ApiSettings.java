package dev.weft.server.api;

import dev.weft.server.api.auth.Tokens;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where and how the API listens.
 *
 * @param bind the address to listen on; must be a loopback address when no tokens are configured
 * @param port the port; 0 picks a free one
 * @param bodyLimit the largest request body accepted, in bytes
 */
public record ApiSettings(String bind, int port, Tokens tokens, int bodyLimit) {
  public ApiSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (bodyLimit < 1) {
      throw new IllegalArgumentException("the body limit must be positive, got " + bodyLimit);
    }
    if (tokens.isEmpty() && !loopback(bind)) {
      throw new IllegalArgumentException("refusing to listen on " + bind + " without tokens: anyone could call the API;"
          + " give --tokens FILE, or listen on 127.0.0.1");
    }
  }

  /** Loopback only, no tokens: the embedded default. */
  public static ApiSettings local(int port) {
    return new ApiSettings("127.0.0.1", port, Tokens.none(), Bodies.DEFAULT_LIMIT);
  }

  static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown bind address " + host, e);
    }
  }
}
