package dev.weft.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Which device a task gets, and that the devices never give more than they have. */
class GpuDevicesTest {
  @Test
  void aShareTakesTheFullestDeviceThatStillFits() {
    GpuDevices d = new GpuDevices(3);
    d.hold("a", 0, 300);
    d.hold("b", 0, 600);
    assertThat(d).hasToString("[100, 1000, 1000]");
    d.hold("c", 0, 500);
    assertThat(d).hasToString("[100, 500, 1000]");
    d.hold("e", 0, 450);
    assertThat(d).hasToString("[100, 50, 1000]");
    assertThat(d.deviceFor(200)).isEqualTo(2);
    assertThat(d.deviceFor(1001)).isEqualTo(-1);
  }

  @Test
  void wholeGpusTakeFullyFreeDevicesOnly() {
    GpuDevices d = new GpuDevices(4);
    d.hold("share", 0, 10);
    d.hold("two", 2, 0);
    assertThat(d).hasToString("[990, 0, 0, 1000]");
    assertThat(d.fullyFree()).isEqualTo(1);
    assertThat(d.largestFree()).isEqualTo(1000);
    assertThat(d.totalFree()).isEqualTo(1990);
  }

  @Test
  void releaseGivesBackExactlyWhatTheTaskHeld() {
    GpuDevices d = new GpuDevices(2);
    d.hold("a", 0, 700);
    d.hold("b", 1, 0);
    d.release("a");
    assertThat(d).hasToString("[1000, 0]");
    d.release("b");
    d.release("never-held");
    assertThat(d).hasToString("[1000, 1000]");
  }

  @Test
  void freeAfterShowsTheGrantWithoutMakingIt() {
    GpuDevices d = new GpuDevices(2);
    d.hold("a", 0, 400);
    assertThat(d.freeAfter(0, 500)).containsExactly(100, 1000);
    assertThat(d.freeAfter(1, 0)).containsExactly(600, 0);
    assertThat(d).hasToString("[600, 1000]");
  }

  /** One step of a random history: a new task asking whole GPUs or a share, or the end of a running one. */
  record Step(boolean release, int wholes, int milli, int pick) {}

  @Property(tries = 300)
  void grantingOnlyWhatTheDerivedValuesAllowNeverOvercommitsADevice(
      @ForAll @IntRange(min = 1, max = 8) int devices, @ForAll("histories") List<Step> history) {
    GpuDevices d = new GpuDevices(devices);
    List<String> holding = new ArrayList<>();
    int next = 0;
    for (Step s : history) {
      if (s.release() && !holding.isEmpty()) {
        d.release(holding.remove(s.pick() % holding.size()));
      } else {
        boolean derivedSaysFits = s.wholes() > 0 ? d.fullyFree() >= s.wholes() : d.largestFree() >= s.milli();
        assertThat(derivedSaysFits).as("derived values agree with the devices").isEqualTo(canGrant(d, s));
        if (derivedSaysFits) {
          String id = "t" + next++;
          d.hold(id, s.wholes(), s.wholes() > 0 ? 0 : s.milli());
          holding.add(id);
        }
      }
      for (int k = 0; k < d.count(); k++) {
        assertThat(d.free(k)).as("device %d of %s", k, d).isBetween(0, 1000);
      }
    }
    for (String id : holding) {
      d.release(id);
    }
    assertThat(d.fullyFree()).isEqualTo(devices);
  }

  /** Brute force: are there enough devices with room, ignoring the derived values? */
  private static boolean canGrant(GpuDevices d, Step s) {
    int room = 0;
    for (int k = 0; k < d.count(); k++) {
      if (s.wholes() > 0 ? d.free(k) == 1000 : d.free(k) >= s.milli()) {
        room++;
      }
    }
    return room >= Math.max(1, s.wholes());
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.of(true, false, false),
        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 8))),
        Arbitraries.integers().between(1, 1000), Arbitraries.integers().between(0, 1000)).as(Step::new);
    return step.list().ofMaxSize(60);
  }
}
