package dev.weft.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Resources;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ResourcesRoundTripTest {

  @Property
  void any_resources_survive_a_round_trip_through_json_and_yaml(@ForAll("resources") Resources resources,
                                                                 @ForAll Format format) {
    String text = SpecCodec.writeResources(resources, format);
    assertThat(SpecCodec.readResources(text, "r." + format.name().toLowerCase())).isEqualTo(resources);
  }

  @Provide
  Arbitrary<Resources> resources() {
    Arbitrary<Long> amount = Arbitraries.oneOf(Arbitraries.longs().between(0, 10_000),
        Arbitraries.longs().between(0, Long.MAX_VALUE));
    Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
        .map(s -> "example.com/" + s);
    Arbitrary<Map<String, Long>> extended = Arbitraries.maps(names, amount).ofMaxSize(4);
    return Combinators.combine(amount, amount, amount, amount, extended).as(Resources::new);
  }
}
