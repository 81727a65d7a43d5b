package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@link ServiceStore} contract, run on every database. */
abstract class ServiceStoreContract extends StoreContract {
  @Test
  void a_stored_version_reads_back_as_written_with_revision_one() {
    ServiceRecord s = db.services().store("square", "1.0.0", "{\"v\":1}", T0);
    assertThat(s.revision()).isEqualTo(1);
    assertThat(db.services().find("square", "1.0.0")).contains(s);
    assertThat(db.services().find("square", "2.0.0")).isEmpty();
  }

  @Test
  void storing_the_same_body_again_keeps_the_first_record() {
    ServiceRecord first = db.services().store("square", "1.0.0", "{\"v\":1}", T0);
    assertThat(db.services().store("square", "1.0.0", "{\"v\":1}", T0.plusSeconds(9))).isEqualTo(first);
    assertThat(db.services().versions("square")).hasSize(1);
  }

  @Test
  void a_stored_version_cannot_be_changed() {
    db.services().store("square", "1.0.0", "{\"v\":1}", T0);
    assertThatThrownBy(() -> db.services().store("square", "1.0.0", "{\"v\":2}", T0))
        .isInstanceOf(ConflictException.class).hasMessageContaining("square version 1.0.0");
    assertThat(db.services().find("square", "1.0.0").orElseThrow().body()).isEqualTo("{\"v\":1}");
  }

  @Test
  void new_versions_take_the_next_revision_and_latest_is_the_last_stored() {
    db.services().store("square", "2.0.0", "a", T0);
    db.services().store("square", "1.5.0", "b", T0.plusSeconds(1));
    db.services().store("cube", "1.0.0", "c", T0);
    assertThat(db.services().versions("square")).extracting(ServiceRecord::version, ServiceRecord::revision)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2.0.0", 1), org.assertj.core.groups.Tuple.tuple("1.5.0", 2));
    assertThat(db.services().latest("square").orElseThrow().version()).isEqualTo("1.5.0");
    assertThat(db.services().latest("missing")).isEmpty();
    assertThat(db.services().names(null, 10)).containsExactly("cube", "square");
    assertThat(db.services().names("cube", 10)).containsExactly("square");
    assertThat(db.services().names(null, 1)).containsExactly("cube");
  }
}
