package dev.weft.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.variable.api.history.HistoricVariableInstance;

/**
 * Flowable, embedded, on an H2 file database with history level {@code audit}, steps as Java
 * delegates ({@link FlowableSteps}), no async executor: starting a process instance runs it to
 * its end and commits in the caller's thread. The database is opened with {@code WRITE_DELAY=0}
 * as weft-store opens its own (H2's default delays writing a commit to the file by up to 500 ms),
 * so both engines have written an instance's end to the file when they report it; the report also
 * shows Flowable on H2's defaults ({@code flowable-h2-defaults}), for information. Flowable's own
 * defaults otherwise (its pooled data source, its id generator).
 */
final class FlowableEngine implements Engine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final HistoryService history;

  /**
   * @param writeDelayZero true for {@code WRITE_DELAY=0} (each commit written to the file, as
   *     weft-store does), false for H2's default (a commit reaches the file up to 500 ms later)
   */
  FlowableEngine(Path dir, boolean writeDelayZero) {
    this.name = writeDelayZero ? "flowable" : "flowable-h2-defaults";
    ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setEngineName(name) // both variants are open at once; each registers under its own name
        .setJdbcUrl("jdbc:h2:file:" + dir.resolve("flowable").toAbsolutePath() + (writeDelayZero ? ";WRITE_DELAY=0" : ""))
        .setJdbcDriver("org.h2.Driver")
        .setJdbcUsername("sa")
        .setJdbcPassword("")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistoryLevel(HistoryLevel.AUDIT)
        .setAsyncExecutorActivate(false);
    this.engine = config.buildProcessEngine();
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Runner prepare(BenchWorkflow workflow, int threads) {
    engine.getRepositoryService().createDeployment().name(workflow.processKey())
        .addClasspathResource(workflow.bpmnResource()).deploy();
    String key = workflow.processKey();
    return (input, withOutput) -> {
      ProcessInstance pi = runtime.startProcessInstanceByKey(key, input);
      if (!pi.isEnded()) {
        throw new IllegalStateException(name() + ": process instance " + pi.getId() + " did not end");
      }
      return withOutput ? variables(pi.getId()) : null;
    };
  }

  /** The instance's variables as recorded by audit history: one query, only when output is asked for. */
  private JsonNode variables(String processInstanceId) {
    ObjectNode out = JSON.createObjectNode();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()) {
      out.set(v.getVariableName(), JSON.valueToTree(v.getValue()));
    }
    return out;
  }

  @Override
  public void close() {
    engine.close();
  }
}
