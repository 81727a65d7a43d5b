package dev.weft.cli.client;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --server}, {@code --token}, {@code --ca-cert} ({@link ServerConnection}) and {@code -o}, shared by every client command (a picocli mixin). */
public final class ClientOptions {
  /** How answers are printed. */
  public enum Format { json, yaml, table }

  @Mixin
  ServerConnection connection;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "json, yaml or table (default ${DEFAULT-VALUE}).")
  Format format;

  ApiClient client() {
    return connection.client();
  }

  Format format() {
    return format;
  }
}
