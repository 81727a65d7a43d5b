package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The workflow of the crash and multi-engine tests: a {@code wait}, an http call, and a
 * {@code fork} of two http calls, all to a {@link CountingService}. Instance {@code n} gets
 * {@code {"order": n}} and ends with the two branch answers.
 */
final class OrdersWorkflow {
  static final String[] CALLED_PATHS = {"/charge", "/pack", "/label"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private OrdersWorkflow() {}

  static String document(String base, String wait) {
    return """
        document:
          dsl: '1.0.0'
          namespace: test
          name: orders
          version: '0.1.0'
        do:
          - pause:
              wait: %2$s
          - charge:
              call: http
              with:
                method: post
                endpoint: %1$s/charge
                body:
                  order: ${ .order }
          - ship:
              fork:
                branches:
                  - pack:
                      call: http
                      with:
                        method: post
                        endpoint: %1$s/pack
                        body:
                          order: ${ .order }
                  - label:
                      call: http
                      with:
                        method: post
                        endpoint: %1$s/label
                        body:
                          order: ${ .order }
        """.formatted(base, wait);
  }

  static String key(int n) {
    return "order-" + n;
  }

  static JsonNode input(int n) {
    return JSON.createObjectNode().put("order", n);
  }

  /** The output instance {@code n} must end with. */
  static JsonNode expectedOutput(int n) {
    var out = JSON.createArrayNode();
    out.addObject().put("order", n).put("step", "pack");
    out.addObject().put("order", n).put("step", "label");
    return out;
  }

  /** The {@code n} of a key made by {@link #key}. */
  static int order(String key) {
    return Integer.parseInt(key.substring("order-".length()));
  }
}
