package dev.weft.server.runtime;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends requests for some hosts elsewhere, so a workflow text can stay as written while its
 * calls go to a local stand-in (the conformance run's stub server, a test double on loopback).
 * A request to a redirected host goes to {@code http://ADDRESS} with the same path and query,
 * whatever its scheme and port were; other requests are left alone. Written as
 * {@code petstore.swagger.io=127.0.0.1:8081,httpbin.org=127.0.0.1:8082}.
 */
public record HostRedirects(Map<String, String> hosts) {
  public static final HostRedirects NONE = new HostRedirects(Map.of());

  public HostRedirects {
    hosts = Map.copyOf(hosts);
  }

  /**
   * Reads {@code host=address,host=address}.
   *
   * @throws IllegalArgumentException naming the entry that has no {@code =} or an empty side
   */
  public static HostRedirects parse(String text) {
    Map<String, String> hosts = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.strip().length() - 1) {
        throw new IllegalArgumentException("host redirect '" + entry.strip() + "' is not host=address (e.g. httpbin.org=127.0.0.1:8080)");
      }
      hosts.put(entry.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), entry.substring(eq + 1).strip());
    }
    return new HostRedirects(hosts);
  }

  /** The URI the request really goes to. */
  public URI target(URI uri) {
    String address = uri.getHost() == null ? null : hosts.get(uri.getHost().toLowerCase(java.util.Locale.ROOT));
    if (address == null) {
      return uri;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return URI.create("http://" + address + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }
}
