package dev.weft.bench.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {
  private static final String PG = "4242 (postgres) S 1 4242 4242 0 -1 4194560 1234 0 0 0 150 25 0 0 20 0 1 0 100 1 1";
  private static final String JAVA = "77 (java) S 1 77 77 0 -1 4194560 1234 0 0 0 900 100 0 0 20 0 40 0 100 1 1";
  private static final String ODD = "99 (postgres) x) R 1 99 99 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0 100 1 1";

  @Test
  void readsUserAndSystemTicksOfPostgresProcessesOnly() {
    assertThat(CpuMeter.postgresTicks(PG)).isEqualTo(175L);
    assertThat(CpuMeter.postgresTicks(JAVA)).isNull();
    assertThat(CpuMeter.postgresTicks(ODD)).isEqualTo(7L); // a name holding ") ": fields counted from the last ')'
    assertThat(CpuMeter.postgresTicks("not a stat line")).isNull();
  }

  @Test
  void countsEachProcessFromItsFirstReadingAndNewOnesFromZero() {
    CpuMeter meter = new CpuMeter("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    CpuMeter.Reading before = new CpuMeter.Reading(1_000_000_000L, Map.of(1L, 100L, 2L, 50L, 3L, 7L), true);
    CpuMeter.Reading after = new CpuMeter.Reading(3_500_000_000L, Map.of(1L, 180L, 2L, 50L, 4L, 20L), true);
    CpuMeter.Used used = meter.between(before, after);
    assertThat(used.jvmSeconds()).isEqualTo(2.5);
    assertThat(used.postgresSeconds()).isEqualTo(1.0); // 80 + 0 + 20 ticks; pid 3 ended and is not counted
    assertThat(used.jvmMicrosPerTask(1000)).isEqualTo(2500.0);
    assertThat(used.postgresMicrosPerTask(1000)).isEqualTo(1000.0);
  }

  @Test
  void aDatabaseElsewhereIsNotMeasuredAndSaysWhy() {
    CpuMeter meter = new CpuMeter("jdbc:postgresql://db.example.com:5432/test");
    CpuMeter.Used used = meter.between(meter.read(), meter.read());
    assertThat(used.postgresSeconds()).isNull();
    assertThat(used.why()).isEqualTo("the database is not on this machine");
    assertThat(CpuMeter.isLocal("jdbc:postgresql://localhost/test")).isTrue();
    assertThat(CpuMeter.isLocal("not a url")).isFalse();
  }

  @Test
  void theJvmsCpuGrowsWithWorkDoneInIt() {
    CpuMeter meter = new CpuMeter("jdbc:postgresql://db.example.com:5432/test");
    CpuMeter.Reading before = meter.read();
    long x = 0;
    long until = System.nanoTime() + 200_000_000L;
    while (System.nanoTime() < until) {
      x += Long.numberOfTrailingZeros(x + System.nanoTime());
    }
    assertThat(x).isPositive();
    assertThat(meter.between(before, meter.read()).jvmSeconds()).isGreaterThan(0.05);
  }
}
