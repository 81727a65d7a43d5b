package dev.weft.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three workflows of the bench, each as a Serverless Workflow document (Weft and sdk-java
 * run the same text) and its BPMN equivalent (Flowable). Every engine gets the same inputs, and
 * its output is reduced to a {@link #canonical} form so that outputs of different shapes can be
 * compared with {@link #expected}.
 */
public enum BenchWorkflow {
  /** Ten sequential {@code set} steps, each adding one to {@code counter}. */
  W1("w1", "w1Sequence", "10 sequential set steps incrementing a counter"),
  /** A {@code fork} of four branches; branch k sets {@code value = counter + k}, then doubles it. */
  W2("w2", "w2Fork", "fork of 4 branches of 2 steps each"),
  /**
   * A {@code switch} on {@code n} over three cases (each one step), then one step. The cases do
   * not overlap ({@code n < 10}, {@code 10 <= n < 100}, default): sdk-java 7.13.4 keeps switch
   * cases in a {@code HashMap} and so does not always take the first matching case, as the DSL
   * says; with overlapping cases it routed n = 5 to the second case in some runs.
   */
  W3("w3", "w3Switch", "switch over 3 cases then one step");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int[] SIZES = {5, 50, 500};

  private final String file;
  private final String processKey;
  private final String description;

  BenchWorkflow(String file, String processKey, String description) {
    this.file = file;
    this.processKey = processKey;
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The Serverless Workflow DSL 1.0 document (YAML). */
  public String document() {
    return resource(file + ".yaml");
  }

  /** The classpath resource of the BPMN 2.0 process. */
  public String bpmnResource() {
    return "bench/workflow/" + file + ".bpmn20.xml";
  }

  public String processKey() {
    return processKey;
  }

  /** The input of the {@code i}-th instance: W1 and W2 start from counter 0, W3 cycles n over 5, 50, 500. */
  public Map<String, Object> input(long i) {
    Map<String, Object> in = new LinkedHashMap<>();
    if (this == W3) {
      in.put("n", SIZES[(int) (i % SIZES.length)]);
    } else {
      in.put("counter", 0);
    }
    return in;
  }

  /** What a correct engine computes for {@code input}, in canonical form. */
  public JsonNode expected(Map<String, Object> input) {
    ObjectNode out = JSON.createObjectNode();
    switch (this) {
      case W1 -> out.put("counter", ((Number) input.get("counter")).longValue() + 10);
      case W2 -> {
        ArrayNode values = out.putArray("values");
        long counter = ((Number) input.get("counter")).longValue();
        for (int k = 1; k <= 4; k++) {
          values.add((counter + k) * 2);
        }
      }
      case W3 -> {
        int n = ((Number) input.get("n")).intValue();
        out.put("size", n < 10 ? "small" : n < 100 ? "medium" : "large").put("done", true);
      }
    }
    return out;
  }

  /**
   * An engine's output reduced to what {@link #expected} holds: W1 its {@code counter}; W2 every
   * number found under a field named {@code value...} anywhere in it (a fork's output is an array
   * of branch outputs on Weft, a map by branch name elsewhere), sorted; W3 {@code size} and
   * {@code done}.
   */
  public JsonNode canonical(JsonNode output) {
    ObjectNode out = JSON.createObjectNode();
    switch (this) {
      case W1 -> out.put("counter", output.path("counter").asLong(Long.MIN_VALUE));
      case W2 -> {
        List<Long> found = new ArrayList<>();
        collectValues(output, found);
        ArrayNode values = out.putArray("values");
        found.stream().sorted().forEach(values::add);
      }
      case W3 -> out.put("size", output.path("size").asText("")).put("done", output.path("done").asBoolean(false));
    }
    return out;
  }

  /** Throws naming the engine when its output for {@code input} is not the expected one. */
  public void check(String engine, Map<String, Object> input, JsonNode output) {
    JsonNode want = expected(input);
    JsonNode got = output == null ? null : canonical(output);
    if (!want.equals(got)) {
      throw new IllegalStateException(engine + " computed the wrong output for " + name() + " on " + input
          + ": expected " + want + ", got " + got + " (raw " + output + ")");
    }
  }

  private static void collectValues(JsonNode node, List<Long> into) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().startsWith("value") && e.getValue().isNumber()) {
          into.add(e.getValue().asLong());
        } else {
          collectValues(e.getValue(), into);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectValues(n, into));
    }
  }

  private static String resource(String name) {
    try (InputStream in = BenchWorkflow.class.getResourceAsStream("/bench/workflow/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource bench/workflow/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
