package dev.weft.bench.workflow;

import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/** The Java delegates of the BPMN processes, one per kind of step; each does what the DSL step does. */
final class FlowableSteps {
  private FlowableSteps() {}

  /** W1: {@code counter = counter + 1}. */
  public static final class Increment implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("counter", ((Number) execution.getVariable("counter")).intValue() + 1);
    }
  }

  /** W2, first step of branch k: {@code value_k = counter + k}. */
  public static final class BranchFirst implements JavaDelegate {
    private Expression branch;

    @Override
    public void execute(DelegateExecution execution) {
      int k = Integer.parseInt(branch.getValue(execution).toString());
      execution.setVariable("value" + k, ((Number) execution.getVariable("counter")).intValue() + k);
    }
  }

  /** W2, second step of branch k: {@code value_k = value_k * 2}. */
  public static final class BranchSecond implements JavaDelegate {
    private Expression branch;

    @Override
    public void execute(DelegateExecution execution) {
      String name = "value" + branch.getValue(execution);
      execution.setVariable(name, ((Number) execution.getVariable(name)).intValue() * 2);
    }
  }

  /** W3, the step of one case: {@code size = <the case>}. */
  public static final class SetSize implements JavaDelegate {
    private Expression size;

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("size", size.getValue(execution).toString());
    }
  }

  /** W3, the step after the switch: {@code done = true}. */
  public static final class Finish implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("done", true);
    }
  }
}
