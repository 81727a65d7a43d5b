package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.services.Behaviour;
import dev.weft.server.services.RetryPolicy;
import dev.weft.server.services.ServiceDefinition;
import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.StoreException;
import dev.weft.store.WorkerCall;
import dev.weft.store.WorkerCallStatus;
import dev.weft.workflow.decide.Errors;
import dev.weft.workflow.decide.Event;
import dev.weft.server.cluster.RelayedBell;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calls of services with a {@code worker} behaviour, from the workers' side: a worker polls its
 * queues and leases calls ({@link #poll}), keeps them with heartbeats ({@link #heartbeat}) and
 * ends each with its output ({@link #complete}) or error ({@link #fail}). An outcome is decided on
 * in the same unit that ends the call, so it reaches the instance once. A lease that runs out
 * ({@link #expireSome}) and a failure the worker calls retryable offer the call again, the attempt
 * counted, when the service's {@code contract.retry} allows another try; otherwise the instance
 * gets the failure (a {@code timeout} fault for a lease that ran out). Only the worker holding the
 * current lease (its name and attempt) may end or extend a call: a worker that lost its lease is
 * told so and changes nothing.
 */
public final class WorkerCalls {
  /** How often a waiting poll looks at the store again (a call made in this server wakes it at once). */
  static final Duration RECHECK = Duration.ofMillis(250);
  private static final int EXPIRE_BATCH = 100;
  private final Database db;
  private final Recorder recorder;
  private final CommitWithRetry commits;
  private final ServiceCalls services;
  private final RuntimeClock clock;
  private final Runnable decided;
  /** Rung when a call is made here or, through {@code ClusterBells}, in another server on the same database. */
  private final RelayedBell callsMade = new RelayedBell();

  WorkerCalls(Database db, Recorder recorder, CommitWithRetry commits, ServiceCalls services, RuntimeClock clock,
      Runnable decided) {
    this.db = db;
    this.recorder = recorder;
    this.commits = commits;
    this.services = services;
    this.clock = clock;
    this.decided = decided;
  }

  /** A call leased to a worker: what it needs to carry it out. */
  public record Leased(String id, int attempt, String queue, String service, String version, String operation,
                       JsonNode input, Instant leaseUntil) {}

  /** How a worker's report ended: the call completed or failed for good, or it waits for another try. */
  public enum Outcome { COMPLETED, FAILED, RETRYING, TIMED_OUT }

  /** What a report did; {@code error} is the failure the instance got (null when it completed or waits for a retry). */
  public record Reported(Outcome outcome, JsonNode error, Instant availableAt) {}

  /** The call does not exist. */
  public static final class UnknownCallException extends RuntimeException {
    UnknownCallException(String id) {
      super("no worker call " + id);
    }
  }

  /** The worker does not hold the call's current lease (it ran out, another worker holds it, or the call ended). */
  public static final class LeaseLostException extends RuntimeException {
    LeaseLostException(String message) {
      super(message);
    }

    LeaseLostException(WorkerCall now, String worker, int attempt) {
      super("worker call " + now.id() + " is not leased to " + worker + " at attempt " + attempt + ": it is "
          + now.status() + (now.status() == WorkerCallStatus.LEASED ? " to " + now.worker() : "") + " at attempt "
          + now.attempt());
    }
  }

  /** Wakes the polls waiting in this server and the others: a call was made (run after its unit committed). */
  void callMade() {
    callsMade.ring();
  }

  /** The bell a call made rings: {@code ClusterBells} relays it between servers. */
  public RelayedBell bell() {
    return callsMade;
  }

  /** Ends the polls waiting now and answers later ones at once with what the store has: the server is stopping. */
  public void stopWaiting() {
    callsMade.close();
  }

  /**
   * Leases up to {@code max} calls waiting on {@code queues} to {@code worker}, waiting up to
   * {@code wait} for one when none waits now. Calls of instances that ended meanwhile are
   * cancelled, not handed out. The input is revealed (secret values in clear) for the worker.
   */
  public List<Leased> poll(String worker, List<String> queues, int max, Duration wait) throws InterruptedException {
    long deadline = clock.nowMillis() + wait.toMillis();
    while (true) {
      long seen = callsMade.rings(); // before the look: a call made while the store is read is not missed
      List<Leased> got = leaseNow(worker, queues, max);
      long left = deadline - clock.nowMillis();
      if (!got.isEmpty() || left <= 0 || callsMade.closed()) {
        return got;
      }
      callsMade.awaitAfter(seen, Duration.ofMillis(Math.min(left, RECHECK.toMillis())));
    }
  }

  private List<Leased> leaseNow(String worker, List<String> queues, int max) {
    return commits.commitOrUnavailable("leasing worker calls to " + worker, () -> {
      Instant now = Instant.ofEpochMilli(clock.nowMillis());
      List<Leased> out = new ArrayList<>();
      for (WorkerCall c : db.workerCalls().lease(queues, worker, max, now,
          now.plusMillis(Behaviour.Worker.DEFAULT_LEASE_MILLIS))) {
        Optional<Instance> inst = db.instances().find(c.instanceId());
        if (inst.isEmpty() || inst.get().status().terminal()) { // it ended after the call was made: nobody waits for it
          db.workerCalls().cancelOf(c.instanceId(), now);
          continue;
        }
        Optional<ServiceDefinition> s = service(c);
        if (s.isEmpty() || !(s.get().behaviour() instanceof Behaviour.Worker w)) {
          db.workerCalls().fail(c.id(), c.attempt(), now);
          deliver(c, new Event.CommandFailed(c.decisionId(), Errors.of("configuration", 404, "Unknown service",
              "service " + c.serviceKey() + " is no longer stored as a worker service", step(c))), now);
          continue;
        }
        Instant until = now.plusMillis(w.leaseMillis());
        if (w.leaseMillis() != Behaviour.Worker.DEFAULT_LEASE_MILLIS) {
          db.workerCalls().extend(c.id(), worker, c.attempt(), until);
        }
        ServiceDefinition d = s.get();
        out.add(new Leased(c.id(), c.attempt(), c.queue(), d.name(), d.version(), d.operation(),
            recorder.revealed(inst.get(), c.input()), until));
      }
      return out;
    }).orElse(List.of());
  }

  /**
   * The worker's output: checked against the service's output contract and given to the
   * instance; an output that breaks it fails the call with a {@code validation} fault instead.
   */
  public Reported complete(String id, String worker, int attempt, JsonNode output) {
    return report(id, worker, attempt, (c, now) -> {
      try {
        JsonNode checked = services.checkedOutput(services.byKey(c.serviceKey(), step(c)), output, step(c));
        db.workerCalls().end(c.id(), worker, attempt, WorkerCallStatus.COMPLETED, now);
        deliver(c, new Event.CommandCompleted(c.decisionId(), checked), now);
        return new Reported(Outcome.COMPLETED, null, null);
      } catch (CommandFault f) {
        db.workerCalls().end(c.id(), worker, attempt, WorkerCallStatus.FAILED, now);
        deliver(c, new Event.CommandFailed(c.decisionId(), f.error()), now);
        return new Reported(Outcome.FAILED, f.error(), null);
      }
    });
  }

  /**
   * The worker's failure ({@code error}: {@code type, status, title, detail}). A retryable one is
   * offered again after the contract's delay when {@code contract.retry} allows another try and
   * its {@code when} matches; otherwise the instance gets it.
   */
  public Reported fail(String id, String worker, int attempt, JsonNode error, boolean retryable) {
    return report(id, worker, attempt, (c, now) -> {
      JsonNode e = Errors.withInstance(error, step(c));
      Optional<Instant> retry = retryable ? retryAt(c, e, now) : Optional.empty();
      if (retry.isPresent()) {
        db.workerCalls().requeue(c.id(), attempt, retry.get());
        return new Reported(Outcome.RETRYING, null, retry.get());
      }
      db.workerCalls().end(c.id(), worker, attempt, WorkerCallStatus.FAILED, now);
      deliver(c, new Event.CommandFailed(c.decisionId(), e), now);
      return new Reported(Outcome.FAILED, e, null);
    });
  }

  /** Extends the worker's lease by the service's lease length from now; returns the new end. */
  public Instant heartbeat(String id, String worker, int attempt) {
    return commits.commitOrUnavailable("extending the lease of worker call " + id, () -> {
      WorkerCall c = held(id, worker, attempt);
      long lease = service(c).map(d -> d.behaviour() instanceof Behaviour.Worker w ? w.leaseMillis() : 0L)
          .orElse(Behaviour.Worker.DEFAULT_LEASE_MILLIS);
      Instant until = Instant.ofEpochMilli(clock.nowMillis()).plusMillis(lease);
      db.workerCalls().extend(id, worker, attempt, until);
      return until;
    }).orElseThrow(() -> new StoreException("extending the lease of worker call " + id + " was refused"));
  }

  /** The call as stored (its input masked). */
  public Optional<WorkerCall> find(String id) {
    return db.workerCalls().find(id);
  }

  /**
   * Calls whose lease ran out: each is offered again (attempt counted) after the contract's retry
   * delay when the contract allows another try of a {@code timeout}, else it fails with a timeout
   * fault. Returns how many were handled.
   */
  int expireSome() {
    Instant now = Instant.ofEpochMilli(clock.nowMillis());
    List<WorkerCall> overdue = db.workerCalls().overdue(now, EXPIRE_BATCH);
    for (WorkerCall c : overdue) {
      commits.commit("timing out worker call " + c.id(), () -> {
        timeOut(c, now);
        return true;
      });
    }
    List<WorkerCall> expired = db.workerCalls().expired(now, EXPIRE_BATCH);
    for (WorkerCall c : expired) {
      commits.commit("expiring the lease of worker call " + c.id(), () -> {
        JsonNode timeout = Errors.of("timeout", 408, "Worker lease ran out", "worker " + c.worker() + " held call "
            + c.id() + " (attempt " + c.attempt() + ") past its lease without a heartbeat or a result", step(c));
        Optional<Instant> retry = retryAt(c, timeout, now);
        if (retry.isPresent()) {
          return db.workerCalls().requeue(c.id(), c.attempt(), retry.get());
        }
        if (db.workerCalls().fail(c.id(), c.attempt(), now)) {
          deliver(c, new Event.CommandFailed(c.decisionId(), timeout), now);
        }
        return true;
      });
    }
    return overdue.size() + expired.size();
  }

  /** Fails a call past its deadline (waiting, leased or between tries) with a timeout, once. */
  private void timeOut(WorkerCall c, Instant now) {
    if (db.workerCalls().timeOut(c.id(), c.attempt(), now)) {
      long took = Duration.between(c.createdAt(), c.deadlineAt()).toSeconds();
      deliver(c, new Event.CommandFailed(c.decisionId(), Errors.of("timeout", 408, "Worker call timed out",
          "call " + c.id() + " did not complete within " + took + " s (the service's behaviour.worker.timeout; "
              + (c.attempt() == 0 ? "no worker leased it" : c.attempt() + " lease(s), the last to "
              + (c.worker() == null ? "a worker" : c.worker())) + ")", step(c))), now);
    }
  }

  private interface Report {
    Reported on(WorkerCall c, Instant now);
  }

  /**
   * Applies a worker's report to the call it holds; a report that comes after the call's deadline
   * is not taken: the call fails with a timeout (committed) and the worker is told (a lost lease).
   */
  private Reported report(String id, String worker, int attempt, Report work) {
    Reported r = commits.commitOrUnavailable("ending worker call " + id, () -> {
      WorkerCall c = held(id, worker, attempt);
      Instant now = Instant.ofEpochMilli(clock.nowMillis());
      if (c.deadlineAt() != null && !now.isBefore(c.deadlineAt())) {
        timeOut(c, now);
        return new Reported(Outcome.TIMED_OUT, null, null);
      }
      return work.on(c, now);
    }).orElseThrow(() -> new StoreException("ending worker call " + id + " was refused"));
    if (r.outcome() == Outcome.TIMED_OUT) {
      throw new LeaseLostException("worker call " + id + " ran out of time before this report (the service's"
          + " behaviour.worker.timeout): it failed with a timeout");
    }
    return r;
  }

  /** The call, leased to this worker at this attempt. */
  private WorkerCall held(String id, String worker, int attempt) {
    WorkerCall c = db.workerCalls().find(id).orElseThrow(() -> new UnknownCallException(id));
    if (c.status() != WorkerCallStatus.LEASED || !worker.equals(c.worker()) || c.attempt() != attempt) {
      throw new LeaseLostException(c, worker, attempt);
    }
    return c;
  }

  private void deliver(WorkerCall c, Event outcome, Instant now) {
    if (recorder.workerCallEnded(c, outcome, now.toEpochMilli())) {
      db.transactor().afterCommit(decided);
    }
  }

  /** When the call may be tried again after failing with {@code error} at its attempt; empty when the contract allows no more. */
  private Optional<Instant> retryAt(WorkerCall c, JsonNode error, Instant now) {
    Optional<ServiceDefinition> s = service(c);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    RetryPolicy policy = ServiceRetries.policy(s.get());
    int done = c.attempt() - 1; // retries already made
    if (done >= policy.attempts() || !policy.retries(error, null)) {
      return Optional.empty();
    }
    return Optional.of(now.plusMillis(policy.delayBefore(done + 1, c.id())));
  }

  private Optional<ServiceDefinition> service(WorkerCall c) {
    try {
      return Optional.of(services.byKey(c.serviceKey(), step(c)));
    } catch (CommandFault gone) {
      return Optional.empty();
    }
  }

  private static String step(WorkerCall c) {
    return TaskOutcomes.step(c.decisionId(), c.instanceId());
  }
}
