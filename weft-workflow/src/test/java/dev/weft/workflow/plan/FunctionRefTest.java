package dev.weft.workflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FunctionRefTest {
  @Test
  void aNameAloneNamesNoVersionAndIsTheRuntimesOwn() {
    FunctionRef f = FunctionRef.parse("square");
    assertThat(f).isEqualTo(new FunctionRef("square", null, null));
    assertThat(f.pinnedVersion()).isEmpty();
    assertThat(f.runtimeOwn()).isTrue();
  }

  @Test
  void theCatalogFormNamesTheVersionAndTheCatalog() {
    FunctionRef own = FunctionRef.parse("square:1.0.0@default");
    assertThat(own).isEqualTo(new FunctionRef("square", "1.0.0", "default"));
    assertThat(own.pinnedVersion()).contains("1.0.0");
    assertThat(own.runtimeOwn()).isTrue();
    assertThat(FunctionRef.parse("log:0.5.2@global").runtimeOwn()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"square:1.0.0", "square@default", ":1@default", "square:@default", "square:1@", "a:b:c@d",
      "a:b@c@d", "sq uare:1@default"})
  void anythingElseWithAColonOrAnAtIsRefusedShowingTheForm(String call) {
    assertThatThrownBy(() -> FunctionRef.parse(call)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + call + "'").hasMessageContaining("NAME:VERSION@CATALOG");
  }
}
