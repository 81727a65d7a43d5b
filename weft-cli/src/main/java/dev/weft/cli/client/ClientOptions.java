package dev.weft.cli.client;

import dev.weft.cli.CaCertificates;
import picocli.CommandLine.Option;

/** {@code --server}, {@code --token}, {@code --ca-cert} and {@code -o}, shared by every client command (a picocli mixin). */
public final class ClientOptions {
  /** How answers are printed. */
  public enum Format { json, yaml, table }

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

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "json, yaml or table (default ${DEFAULT-VALUE}).")
  Format format;

  ApiClient client() {
    return new ApiClient(server, token, CaCertificates.trusting(caCert));
  }

  Format format() {
    return format;
  }
}
