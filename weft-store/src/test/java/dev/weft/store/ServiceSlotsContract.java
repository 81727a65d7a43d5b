package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.ServiceSlots.Admission;
import dev.weft.store.ServiceSlots.Taken;
import dev.weft.store.ServiceSlots.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link ServiceSlots} contract (a service's calls admitted up to its limit, the rest in line), run on every database. */
abstract class ServiceSlotsContract extends StoreContract {
  private ServiceSlots slots() {
    return db.serviceSlots();
  }

  private Admission take(String service, String call, int limit, int second) {
    return slots().take(service, call, "i", limit, T0.plusSeconds(second)).admission();
  }

  @Test
  void calls_are_admitted_up_to_the_limit_and_the_rest_wait_in_arrival_order() {
    assertThat(take("charge", "c1", 2, 1)).isEqualTo(Admission.HELD);
    assertThat(take("charge", "c2", 2, 2)).isEqualTo(Admission.HELD);
    assertThat(take("charge", "c3", 2, 3)).isEqualTo(Admission.WAITING);
    assertThat(take("charge", "c4", 2, 4)).isEqualTo(Admission.WAITING);
    assertThat(take("mail", "m1", 1, 5)).as("another service has slots of its own").isEqualTo(Admission.HELD);
    assertThat(slots().usage()).containsExactly(Map.entry("charge", new Usage(2, 2)), Map.entry("mail", new Usage(1, 0)));

    assertThat(slots().release("c2", T0.plusSeconds(6))).as("the oldest waiting call gets the slot").containsExactly("c3");
    assertThat(slots().of("c3")).contains(Admission.HELD);
    assertThat(slots().of("c4")).contains(Admission.WAITING);
    assertThat(slots().of("c2")).isEmpty();
    assertThat(slots().usage()).containsEntry("charge", new Usage(2, 1));
  }

  @Test
  void taking_again_keeps_a_held_slot_and_a_place_in_line() {
    take("charge", "c1", 1, 1);
    take("charge", "c2", 1, 2);
    take("charge", "c3", 1, 3);
    assertThat(take("charge", "c1", 1, 10)).as("carried out again after a crash").isEqualTo(Admission.HELD);
    assertThat(take("charge", "c3", 1, 11)).isEqualTo(Admission.WAITING);
    assertThat(slots().release("c1", T0.plusSeconds(12))).as("c2 came first").containsExactly("c2");
    assertThat(slots().usage()).containsEntry("charge", new Usage(1, 1));
  }

  @Test
  void a_waiting_call_that_gives_up_its_place_hands_nothing_over() {
    take("charge", "c1", 1, 1);
    take("charge", "c2", 1, 2);
    take("charge", "c3", 1, 3);
    assertThat(slots().release("c2", T0.plusSeconds(4))).isEmpty();
    assertThat(slots().release("c1", T0.plusSeconds(5))).containsExactly("c3");
    assertThat(slots().release("unknown", T0.plusSeconds(6))).isEmpty();
    assertThat(slots().release("c3", T0.plusSeconds(7))).isEmpty();
    assertThat(slots().usage()).isEmpty();
  }

  @Test
  void a_raised_limit_hands_the_free_slots_to_the_waiting_calls_first() {
    take("charge", "c1", 1, 1);
    take("charge", "c2", 1, 2);
    take("charge", "c3", 1, 3);
    Taken t = slots().take("charge", "c4", "i", 3, T0.plusSeconds(4));
    assertThat(t.handedOver()).containsExactly("c2", "c3");
    assertThat(t.admission()).as("three held already").isEqualTo(Admission.WAITING);
    Taken again = slots().take("charge", "c3", "i", 3, T0.plusSeconds(5));
    assertThat(again).isEqualTo(new Taken(Admission.HELD, List.of()));
    Taken wider = slots().take("charge", "c4", "i", 4, T0.plusSeconds(6));
    assertThat(wider).as("a waiting call admitted itself").isEqualTo(new Taken(Admission.HELD, List.of()));
    assertThat(slots().usage()).containsEntry("charge", new Usage(4, 0));
  }

  @Test
  void a_limit_changed_without_a_call_lets_waiting_calls_in_oldest_first() {
    take("charge", "c1", 1, 1);
    take("charge", "c2", 1, 2);
    take("charge", "c3", 1, 3);
    take("charge", "c4", 1, 4);
    assertThat(slots().limitChanged("charge", 1, T0.plusSeconds(5))).as("no slot free under the same limit").isEmpty();
    assertThat(slots().limitChanged("charge", 3, T0.plusSeconds(6))).containsExactly("c2", "c3");
    assertThat(slots().of("c3")).contains(Admission.HELD);
    assertThat(slots().of("c4")).contains(Admission.WAITING);
    assertThat(slots().limitChanged("charge", 2, T0.plusSeconds(7))).as("a lowered limit takes no slot back").isEmpty();
    assertThat(slots().usage()).containsEntry("charge", new Usage(3, 1));
    assertThat(slots().limitChanged("charge", 0, T0.plusSeconds(8))).as("no limit: every waiting call").containsExactly("c4");
    assertThat(slots().limitChanged("mail", 0, T0.plusSeconds(9))).as("a service nobody waits for").isEmpty();
    assertThat(slots().usage()).containsEntry("charge", new Usage(4, 0));
  }

  @Test
  void an_instance_that_ends_gives_back_its_slots_and_places() {
    slots().take("charge", "a1", "a", 2, T0);
    slots().take("charge", "a2", "a", 2, T0.plusSeconds(1));
    slots().take("charge", "a3", "a", 2, T0.plusSeconds(2));
    slots().take("charge", "b1", "b", 2, T0.plusSeconds(3));
    slots().take("charge", "b2", "b", 2, T0.plusSeconds(4));
    slots().take("charge", "b3", "b", 2, T0.plusSeconds(5));
    slots().take("mail", "a4", "a", 1, T0.plusSeconds(6));
    slots().take("mail", "b4", "b", 1, T0.plusSeconds(7));
    assertThat(slots().releaseInstance("a", T0.plusSeconds(8))).as("two charge slots and one mail slot freed")
        .containsExactly("b1", "b2", "b4");
    assertThat(slots().usage()).containsExactly(Map.entry("charge", new Usage(2, 1)), Map.entry("mail", new Usage(1, 0)));
    assertThat(slots().releaseInstance("a", T0.plusSeconds(9))).isEmpty();
  }

  @Test
  void the_sweep_gives_back_only_the_slots_of_ended_instances() {
    Instance ended = newInstance("gone");
    newInstance("alive");
    db.instances().transition("gone", ended.version(), InstanceStatus.CANCELLED, T0);
    slots().take("charge", "g1", "gone", 1, T0);
    slots().take("charge", "l1", "alive", 1, T0.plusSeconds(1));
    slots().take("charge", "l2", "alive", 1, T0.plusSeconds(2));
    assertThat(slots().releaseEnded(T0.plusSeconds(3))).containsExactly("l1");
    assertThat(slots().of("g1")).isEmpty();
    assertThat(slots().usage()).containsEntry("charge", new Usage(1, 1));
    assertThat(slots().releaseEnded(T0.plusSeconds(4))).isEmpty();
  }

  @Test
  void a_limit_below_one_is_refused() {
    assertThatThrownBy(() -> slots().take("charge", "c1", "i", 0, T0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void concurrent_takers_never_hold_more_slots_than_the_limit() throws Exception {
    int callers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Admission>> got = new ArrayList<>();
      for (int n = 0; n < callers; n++) {
        String id = "c" + n;
        got.add(pool.submit(() -> {
          go.await();
          return slots().take("charge", id, "i", 3, T0).admission();
        }));
      }
      go.countDown();
      int held = 0;
      for (Future<Admission> f : got) {
        held += f.get() == Admission.HELD ? 1 : 0;
      }
      assertThat(held).isEqualTo(3);
      assertThat(slots().usage()).containsEntry("charge", new Usage(3, callers - 3));
    } finally {
      pool.shutdownNow();
    }
  }
}
