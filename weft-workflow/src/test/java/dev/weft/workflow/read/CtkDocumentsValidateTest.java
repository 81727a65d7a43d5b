package dev.weft.workflow.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.workflow.plan.PlanCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every workflow document in the CTK's feature files passes the reader and the validator and
 * compiles into a plan. This checks the reader only, not the scenarios' expected outcomes. Skipped when ../shared is absent.
 */
class CtkDocumentsValidateTest {
  private static final String FEATURES = "spec/serverless-workflow-1.0.3/ctk/features";

  @TestFactory
  Stream<DynamicTest> everyCtkWorkflowDocumentIsReadValidatedAndCompiled() throws IOException {
    String shared = System.getProperty("weft.shared", "../shared");
    Path dir = Path.of(shared, FEATURES);
    assumeTrue(Files.isDirectory(dir), "CTK features not found at " + dir + "; skipping");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
        List<String> docs = workflowDocuments(Files.readAllLines(f));
        for (int i = 0; i < docs.size(); i++) {
          String doc = docs.get(i);
          tests.add(DynamicTest.dynamicTest(f.getFileName() + " document " + (i + 1),
              () -> assertThatCode(() -> PlanCompiler.compile(doc)).doesNotThrowAnyException()));
        }
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  /** Doc strings ("""-fenced) that hold a workflow document, with their indentation removed. */
  static List<String> workflowDocuments(List<String> lines) {
    List<String> docs = new ArrayList<>();
    StringBuilder current = null;
    int indent = 0;
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith("\"\"\"")) {
        if (current == null) {
          current = new StringBuilder();
          indent = line.indexOf('"');
        } else {
          if (current.toString().contains("document:")) {
            docs.add(current.toString());
          }
          current = null;
        }
      } else if (current != null) {
        current.append(line.length() >= indent ? line.substring(indent) : t).append('\n');
      }
    }
    return docs;
  }
}
