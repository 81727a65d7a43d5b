package dev.weft.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverlessworkflow.api.WorkflowFormat;
import io.serverlessworkflow.api.WorkflowReader;
import io.serverlessworkflow.impl.WorkflowApplication;
import io.serverlessworkflow.impl.WorkflowDefinition;
import io.serverlessworkflow.impl.WorkflowModel;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Serverless Workflow reference runtime (sdk-java {@code serverlessworkflow-impl-jackson}),
 * in memory, with lifecycle CloudEvents and status-change publishing turned off. The document is
 * read (without schema validation) and turned into a definition once per workflow.
 */
final class SdkJavaEngine implements Engine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final WorkflowApplication app = WorkflowApplication.builder()
      .disableLifeCycleCEPublishing()
      .disableStatusChangePublishing()
      .build();

  @Override
  public String name() {
    return "sdk-java";
  }

  @Override
  public Runner prepare(BenchWorkflow workflow, int threads) {
    WorkflowDefinition definition;
    try {
      definition = app.workflowDefinition(WorkflowReader.readWorkflowFromString(workflow.document(), WorkflowFormat.YAML));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (input, withOutput) -> {
      WorkflowModel out = definition.instance(input).start().join();
      return withOutput ? JSON.valueToTree(out.asJavaObject()) : null;
    };
  }

  @Override
  public void close() {
    app.close();
  }
}
