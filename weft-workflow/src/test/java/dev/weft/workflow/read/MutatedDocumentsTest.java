package dev.weft.workflow.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.weft.workflow.plan.PlanCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 200 seeded mutations of a document using most task kinds (wrong types, unknown tasks, broken
 * jq, dangling then targets, removed fields): each is either accepted and compiles, or rejected
 * with problems whose pointers exist in the mutated document. Nothing else is ever thrown.
 */
class MutatedDocumentsTest {
  private static final YAMLMapper YAML = new YAMLMapper();


  @Test
  void everyMutantIsAcceptedOrRejectedWithPointersNeverWithAnotherException() throws Exception {
    Random random = new Random(42);
    JsonNode base = YAML.readTree(SampleDocuments.STEPS);
    int rejected = 0;
    for (int i = 0; i < 200; i++) {
      JsonNode mutant = base.deepCopy();
      List<String> places = new ArrayList<>();
      collect(mutant, "", places);
      String place = places.get(random.nextInt(places.size()));
      mutate(mutant, place, random.nextInt(6));
      String text = YAML.writeValueAsString(mutant);
      try {
        PlanCompiler.compile(text);
      } catch (WorkflowValidationException e) {
        rejected++;
        assertThat(e.problems()).isNotEmpty();
        for (Problem p : e.problems()) {
          assertThat(p.message()).isNotBlank();
          assertThat(p.pointer().isEmpty() || !mutant.at(p.pointer()).isMissingNode())
              .as("pointer %s of mutant %d (%s at %s) exists", p.pointer(), i, text, place).isTrue();
        }
      } catch (RuntimeException e) {
        fail("mutant " + i + " (" + place + ") threw " + e + "\n" + text);
      }
    }
    assertThat(rejected).isGreaterThan(100);
  }

  private static void collect(JsonNode node, String pointer, List<String> out) {
    if (!pointer.isEmpty()) {
      out.add(pointer);
    }
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(k -> collect(node.get(k), pointer + "/" + k, out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static void mutate(JsonNode root, String pointer, int kind) {
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, cut));
    String key = pointer.substring(cut + 1);
    JsonNode value = switch (kind) {
      case 0 -> YAML.getNodeFactory().numberNode(7);
      case 1 -> YAML.getNodeFactory().textNode("${ .a + }");
      case 2 -> YAML.getNodeFactory().arrayNode();
      case 3 -> YAML.getNodeFactory().textNode("nowhere");
      default -> null;
    };
    if (parent instanceof ObjectNode o) {
      if (kind == 4) {
        o.remove(key);
      } else if (kind == 5) {
        JsonNode v = o.remove(key);
        o.set("frobnicate", v);
      } else {
        o.set(key, value);
      }
    } else if (parent instanceof ArrayNode a) {
      int index = Integer.parseInt(key);
      if (kind >= 4) {
        a.remove(index);
      } else {
        a.set(index, value);
      }
    }
  }
}
