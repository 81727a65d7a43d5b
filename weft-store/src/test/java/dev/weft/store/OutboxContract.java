package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link Outbox} contract (claims by several dispatchers), run on every database. */
abstract class OutboxContract extends StoreContract {
  private static final Duration LEASE = Duration.ofSeconds(30);

  private void decideCommands(String instance, int count) {
    newInstance(instance);
    List<Command> commands = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      commands.add(new Command(new CommandId(instance, "/do/" + n, 1), "call", json("n", n)));
    }
    db.events().append(new Decision(instance, 1, InstanceStatus.RUNNING, json("step", 1), List.of(), commands), T0);
  }

  @Test
  void a_claimed_command_is_not_claimed_again_until_its_lease_expires() {
    decideCommands("i-1", 2);
    assertThat(db.outbox().claim("server-1", LEASE, T0, 1)).extracting(PendingCommand::id)
        .containsExactly("i-1:/do/0#1");
    assertThat(db.outbox().claim("server-2", LEASE, T0.plusSeconds(1), 10)).extracting(PendingCommand::id)
        .containsExactly("i-1:/do/1#1");
    assertThat(db.outbox().claim("server-2", LEASE, T0.plusSeconds(2), 10)).isEmpty();
    assertThat(db.outbox().claim("server-2", LEASE, T0.plus(LEASE), 10)).extracting(PendingCommand::id)
        .containsExactly("i-1:/do/0#1");
  }

  @Test
  void a_renewed_lease_keeps_a_long_running_command_from_other_dispatchers() {
    decideCommands("i-1", 1);
    String id = "i-1:/do/0#1";
    db.outbox().claim("server-1", LEASE, T0, 1);
    Instant halfway = T0.plus(LEASE.dividedBy(2));
    assertThat(db.outbox().renew("server-1", List.of(id), LEASE, halfway)).containsExactly(id);
    assertThat(db.outbox().claim("server-2", LEASE, T0.plus(LEASE), 10)).as("at the first lease's end").isEmpty();
    assertThat(db.outbox().claim("server-2", LEASE, halfway.plus(LEASE), 10)).as("at the renewed lease's end")
        .extracting(PendingCommand::id).containsExactly(id);
  }

  @Test
  void only_the_owner_renews_and_only_a_lease_that_has_not_run_out() {
    decideCommands("i-1", 3);
    db.outbox().claim("server-1", LEASE, T0, 3);
    db.outbox().markDone("i-1:/do/2#1", T0);
    List<String> ids = List.of("i-1:/do/0#1", "i-1:/do/1#1", "i-1:/do/2#1", "i-1:/do/9#1");
    assertThat(db.outbox().renew("server-2", ids, LEASE, T0.plusSeconds(1))).as("another owner").isEmpty();
    assertThat(db.outbox().renew("server-1", ids, LEASE, T0.plusSeconds(1)))
        .as("the owner: its two leases renewed, the done one still its own, not an unknown id")
        .containsExactlyInAnyOrder("i-1:/do/0#1", "i-1:/do/1#1", "i-1:/do/2#1");
    Instant runOut = T0.plusSeconds(1).plus(LEASE);
    assertThat(db.outbox().renew("server-1", ids, LEASE, runOut)).as("once run out, only the done one")
        .containsExactly("i-1:/do/2#1");
    assertThat(db.outbox().claim("server-2", LEASE, runOut, 10)).as("the done one is never claimed")
        .extracting(PendingCommand::id).containsExactlyInAnyOrder("i-1:/do/0#1", "i-1:/do/1#1");
    assertThat(db.outbox().renew("server-1", List.of(), LEASE, T0)).isEmpty();
  }

  @Test
  void a_parked_command_is_claimed_when_its_parking_ends_or_once_woken() {
    decideCommands("i-1", 2);
    String first = "i-1:/do/0#1";
    String second = "i-1:/do/1#1";
    db.outbox().claim("server-1", LEASE, T0, 2);
    db.outbox().park(first, T0.plusSeconds(600));
    db.outbox().park(second, T0.plusSeconds(600));
    assertThat(db.outbox().claim("server-2", LEASE, T0.plus(LEASE), 10)).as("parked past the lease").isEmpty();
    db.outbox().wake(List.of(second, "i-1:/do/9#1"));
    assertThat(db.outbox().claim("server-2", LEASE, T0.plus(LEASE), 10)).extracting(PendingCommand::id)
        .containsExactly(second);
    db.outbox().markDone(second, T0.plus(LEASE));
    assertThat(db.outbox().claim("server-2", LEASE, T0.plusSeconds(599), 10)).as("still parked").isEmpty();
    assertThat(db.outbox().claim("server-2", LEASE, T0.plusSeconds(600), 10)).as("the parking ran out")
        .extracting(PendingCommand::id).containsExactly(first);
  }

  @Test
  void waking_leaves_a_claimed_command_to_its_dispatcher_and_parking_leaves_a_done_one_done() {
    decideCommands("i-1", 2);
    String claimed = "i-1:/do/0#1";
    String done = "i-1:/do/1#1";
    db.outbox().claim("server-1", LEASE, T0, 2);
    db.outbox().wake(List.of(claimed));
    assertThat(db.outbox().claim("server-2", LEASE, T0.plusSeconds(1), 10)).as("still server-1's").isEmpty();
    db.outbox().markDone(done, T0);
    db.outbox().park(done, T0.plusSeconds(5));
    db.outbox().wake(List.of(done));
    assertThat(db.outbox().claim("server-2", LEASE, T0.plus(LEASE), 10)).extracting(PendingCommand::id)
        .containsExactly(claimed);
    assertThat(db.outbox().pending(10)).extracting(PendingCommand::id).containsExactly(claimed);
  }

  @Test
  void a_done_command_is_never_claimed() {
    decideCommands("i-1", 1);
    db.outbox().markDone("i-1:/do/0#1", T0);
    assertThat(db.outbox().claim("server-1", LEASE, T0.plus(LEASE).plus(LEASE), 10)).isEmpty();
    assertThat(db.outbox().pending(10)).isEmpty();
  }

  @Test
  void two_concurrent_dispatchers_never_get_the_same_command() throws Exception {
    int total = 60;
    decideCommands("i-1", total);
    List<String> all = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> dispatchers = new ArrayList<>();
    for (String server : List.of("server-1", "server-2")) {
      dispatchers.add(pool.submit(() -> {
        start.await();
        List<PendingCommand> batch;
        do {
          batch = db.outbox().claim(server, LEASE, T0, 4);
          batch.forEach(p -> all.add(p.id()));
        } while (!batch.isEmpty());
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : dispatchers) {
      f.get();
    }
    pool.shutdown();
    assertThat(all).hasSize(total).doesNotHaveDuplicates();
  }
}
