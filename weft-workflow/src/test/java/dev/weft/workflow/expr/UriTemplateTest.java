package dev.weft.workflow.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} with {1} gives {2}")
  @CsvSource(delimiter = '|', value = {
      "https://h/pet/{petId}            | {\"petId\": 1}                 | https://h/pet/1",
      "https://h/find?status={status}   | {\"status\": \"available\"}   | https://h/find?status=available",
      "https://h/u/{user}/{pw}          | {\"user\": \"a b\", \"pw\": \"x/y?\"} | https://h/u/a%20b/x%2Fy%3F",
      "https://h/{missing}/x            | {}                             | https://h//x",
      "https://h/{name}                 | {\"name\": \"Zoë\"}            | https://h/Zo%C3%AB",
      "https://h/plain                  | {}                             | https://h/plain",
      "https://h/{e}                    | {\"e\": \"€😀\"}                | https://h/%E2%82%AC%F0%9F%98%80",
      "${ \"https://h/\" + .id }        | {\"id\": 1}                    | ${ \"https://h/\" + .id }",
      "https://h/{+reserved}            | {\"reserved\": 1}              | https://h/{+reserved}",
  })
  void levelOneExpressionsAreExpanded(String template, String vars, String expected) throws Exception {
    JsonNode v = JSON.readTree(vars);
    assertThat(UriTemplate.expand(template, v)).isEqualTo(expected);
  }
}
