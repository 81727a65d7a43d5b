package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@link DefinitionStore} contract, run on every database. */
abstract class DefinitionStoreContract extends StoreContract {
  @Test
  void a_stored_version_reads_back_as_written() {
    db.definitions().store("order", 1, "document: v1", T0);
    assertThat(db.definitions().find("order", 1)).get()
        .extracting(Definition::body).isEqualTo("document: v1");
    assertThat(db.definitions().find("order", 2)).isEmpty();
  }

  @Test
  void storing_the_same_body_twice_is_harmless() {
    db.definitions().store("order", 1, "document: v1", T0);
    Definition again = db.definitions().store("order", 1, "document: v1", T0.plusSeconds(5));
    assertThat(again.storedAt()).isEqualTo(T0);
  }

  @Test
  void a_stored_version_cannot_be_changed() {
    db.definitions().store("order", 1, "document: v1", T0);
    assertThatThrownBy(() -> db.definitions().store("order", 1, "document: changed", T0))
        .isInstanceOf(ConflictException.class).hasMessageContaining("order version 1");
    assertThat(db.definitions().find("order", 1).orElseThrow().body()).isEqualTo("document: v1");
  }

  @Test
  void versions_are_listed_ascending_and_latest_is_the_highest() {
    db.definitions().store("order", 2, "v2", T0);
    db.definitions().store("order", 10, "v10", T0);
    db.definitions().store("order", 1, "v1", T0);
    db.definitions().store("other", 99, "x", T0);
    assertThat(db.definitions().versions("order")).containsExactly(1, 2, 10);
    assertThat(db.definitions().latest("order").orElseThrow().body()).isEqualTo("v10");
    assertThat(db.definitions().latest("missing")).isEmpty();
    assertThat(db.definitions().versions("missing")).isEmpty();
    assertThat(db.definitions().names()).containsExactly("order", "other");
  }

  @Test
  void names_are_listed_once_each_in_pages() {
    db.definitions().store("order", 1, "v1", T0);
    db.definitions().store("order", 2, "v2", T0);
    db.definitions().store("billing", 1, "b", T0);
    db.definitions().store("zeta", 1, "z", T0);
    assertThat(db.definitions().names(null, 2)).containsExactly("billing", "order");
    assertThat(db.definitions().names("order", 2)).containsExactly("zeta");
  }
}
