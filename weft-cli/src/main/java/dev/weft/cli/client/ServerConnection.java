package dev.weft.cli.client;

import dev.weft.cli.ClientTls;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/**
 * {@code --server}, {@code --token}, {@code --ca-cert} and {@code --client-cert/--client-key}
 * ({@link ClientTls}): how a command reaches a server (a picocli
 * mixin shared by the client commands, through {@link ClientOptions}, and {@code weft worker}).
 */
public final class ServerConnection {
  @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:WEFT_SERVER:-http://127.0.0.1:8080}",
      description = "The server's base URL (env WEFT_SERVER; default ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:WEFT_TOKEN}",
      description = "Bearer token (env WEFT_TOKEN; none: the server must run without tokens).")
  String token;

  @Option(names = "--ca-cert", paramLabel = "FILE", defaultValue = "${env:WEFT_CA_CERT}",
      description = "PEM certificate(s) of the authority that signed an https server's certificate (env WEFT_CA_CERT;"
          + " none: the JDK's public authorities).")
  String caCert;

  @Option(names = "--client-cert", paramLabel = "FILE", defaultValue = "${env:" + ClientTls.CERT_VARIABLE + "}",
      description = "PEM certificate chain to present to a server that asks for client certificates"
          + " (weft server --tls-client-ca; env WEFT_CLIENT_CERT); needs --client-key.")
  String clientCert;

  @Option(names = "--client-key", paramLabel = "FILE", defaultValue = "${env:" + ClientTls.KEY_VARIABLE + "}",
      description = "The client certificate's private key: PEM, unencrypted PKCS#8 (env WEFT_CLIENT_KEY).")
  String clientKey;

  String server() {
    return server;
  }

  String token() {
    return token;
  }

  /** The TLS context of {@code --ca-cert} and {@code --client-cert/--client-key}; null without them (the JDK's default). */
  SSLContext trust() {
    return ClientTls.context(caCert, clientCert, clientKey);
  }

  ApiClient client() {
    return new ApiClient(server, token, trust());
  }
}
