package dev.weft.server.runtime;

import dev.weft.server.outage.FailureStreak;
import dev.weft.store.ChildInstance;
import dev.weft.store.ChildInstanceStore;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStore;
import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import dev.weft.workflow.decide.Errors;
import dev.weft.workflow.decide.Event;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loop that brings the outcomes of ended child instances back to their parents (the output of
 * a service's workflow behaviour checked against its contract on the way), and cancels
 * the children of parents that ended first. An outcome is recorded as the {@code run: workflow}
 * command's result in one unit of work with marking it delivered ({@link Recorder#childEnded}),
 * so it is decided on once even when several servers (or a restart) deliver it. A child still
 * going when its parent has ended (cancelled, failed, or finished by another branch) is cancelled,
 * as Temporal's default parent close policy and Conductor's sub-workflows do; its own children
 * follow on a later pass.
 */
final class DeliverChildOutcomes implements Runnable {
  private static final System.Logger LOG = System.getLogger(DeliverChildOutcomes.class.getName());
  private final ChildInstanceStore children;
  private final InstanceStore instances;
  private final Recorder recorder;
  private final CommitWithRetry commits;
  private final InstanceOperations operations;
  private final LoopContext loop;
  private final Runnable decided;
  private final ServiceCalls services;
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final FailureStreak reads = FailureStreak.logging("reading ended child instances", LOG);

  /** @param services where a service's output contract is found, for a child that carries out a workflow behaviour */
  DeliverChildOutcomes(ChildInstanceStore children, InstanceStore instances, Recorder recorder, CommitWithRetry commits,
      InstanceOperations operations, LoopContext loop, Runnable decided, ServiceCalls services) {
    this.services = services;
    this.children = children;
    this.instances = instances;
    this.recorder = recorder;
    this.commits = commits;
    this.operations = operations;
    this.loop = loop;
    this.decided = decided;
  }

  @Override
  public void run() {
    loop.repeat(this::deliverSome, 1);
  }

  /**
   * The command's result for a child that ended: its output, its error, or a cancellation fault.
   * The output of a child that carries out a service's workflow behaviour must keep that service
   * version's output contract; one that breaks it is the call's {@code validation} fault.
   */
  Event outcome(ChildInstance link, Instance child) {
    RunResult r = Snapshots.result(child);
    String step = TaskOutcomes.step(link.decisionId(), link.parentId());
    return switch (child.status()) {
      case COMPLETED -> link.serviceKey() == null ? new Event.CommandCompleted(link.decisionId(), r.output())
          : served(link, r, step);
      case FAILED -> new Event.CommandFailed(link.decisionId(), r.error());
      default -> new Event.CommandFailed(link.decisionId(), Errors.of("runtime", 500, "Child cancelled",
          "child instance " + child.id() + " (" + child.definitionName() + ") was cancelled", step));
    };
  }

  private Event served(ChildInstance link, RunResult r, String step) {
    try {
      return new Event.CommandCompleted(link.decisionId(),
          services.checkedOutput(services.byKey(link.serviceKey(), step), r.output(), step));
    } catch (CommandFault f) {
      return new Event.CommandFailed(link.decisionId(), f.error());
    }
  }

  /** Returns how many children were delivered or cancelled; failures wait for the next round. */
  int deliverSome() {
    List<ChildInstance> ended;
    List<ChildInstance> orphaned;
    try {
      ended = children.ended(loop.settings().claimBatch());
      orphaned = children.orphaned(loop.settings().claimBatch());
    } catch (StoreException e) {
      loop.pause(reads.failed(e));
      return 0;
    }
    reads.succeeded();
    int done = 0;
    for (ChildInstance link : ended) {
      done += attempt(link, () -> {
        Instance child = instances.find(link.childId()).orElseThrow();
        Optional<Boolean> decidedNow = commits.commit("delivering child " + link.childId(),
            () -> recorder.childEnded(link, outcome(link, child), loop.clock().nowMillis()));
        if (decidedNow.orElse(false)) {
          decided.run();
        }
      });
    }
    for (ChildInstance link : orphaned) {
      done += attempt(link, () -> {
        try {
          operations.cancel(link.childId(), "its parent instance " + link.parentId() + " ended");
        } catch (OperationRefusedException raced) { // it ended meanwhile: its outcome is delivered as any other
          LOG.log(System.Logger.Level.DEBUG, raced.getMessage());
        }
      });
    }
    return done;
  }

  /** 1 when {@code work} went through; a failure is logged once per link and tried on the next round. */
  private int attempt(ChildInstance link, Runnable work) {
    try {
      work.run();
      failing.remove(link.commandId());
      return 1;
    } catch (StoreUnavailableException e) {
      loop.pause(reads.failed(e));
      return 0;
    } catch (RuntimeException e) {
      if (failing.add(link.commandId())) {
        LOG.log(System.Logger.Level.ERROR, "handling child instance " + link.childId() + " failed; trying again", e);
      }
      return 0;
    }
  }

}
