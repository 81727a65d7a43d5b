package dev.weft.server.api;

import dev.weft.server.api.auth.Tokens;
import java.net.InetAddress;
import java.net.UnknownHostException;
import dev.weft.server.api.limits.RequestRate;
import dev.weft.server.api.tls.ServerTls;
import javax.net.ssl.SSLContext;

/**
 * Where and how the API listens.
 *
 * @param bind the address to listen on; must be a loopback address when no tokens are configured
 * @param port the port; 0 picks a free one
 * @param bodyLimit the largest request body accepted, in bytes
 * @param tls the TLS identity to serve HTTPS with ({@link dev.weft.server.api.tls.PemIdentity}); null: plain HTTP
 * @param rateLimit how many requests each caller may make (agents' protocol and public routes aside); null: no limit
 */
public record ApiSettings(String bind, int port, Tokens tokens, int bodyLimit, ServerTls tls, RequestRate rateLimit) {
  public ApiSettings(String bind, int port, Tokens tokens, int bodyLimit) {
    this(bind, port, tokens, bodyLimit, null, null);
  }

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

  /** These settings, serving HTTPS only with {@code tls}. */
  public ApiSettings withTls(ServerTls tls) {
    return new ApiSettings(bind, port, tokens, bodyLimit, tls, rateLimit);
  }

  /** These settings, limiting each caller to {@code rate}. */
  public ApiSettings withRateLimit(RequestRate rate) {
    return new ApiSettings(bind, port, tokens, bodyLimit, tls, rate);
  }

  /** These settings, serving HTTPS only with a context that is never reloaded. */
  public ApiSettings withTls(SSLContext tls) {
    return withTls(ServerTls.fixed(tls));
  }

  /** {@code https} with TLS, else {@code http}. */
  public String scheme() {
    return tls == null ? "http" : "https";
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
