package dev.weft.model.codec;

import static dev.weft.model.codec.SpecAssertions.problem;
import static dev.weft.model.codec.SpecAssertions.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GpuShareCodecTest {
  private static final TaskSpec SHARE = TaskSpec.builder("infer")
      .resources(new Resources(6000, 12288, 0, 0, Map.of(Resources.GPU_MILLI, 470L))).build();

  @Test
  void gpuMilli_is_a_share_of_one_gpu_stored_as_the_gpu_milli_extended_resource() {
    TaskSpec task = SpecCodec.readTask("{id: infer, resources: {cpu: 6, memory: 12Gi, gpuMilli: 470}}", "t.yaml");
    assertThat(task).isEqualTo(SHARE);
    assertThat(task.resources().gpuMilli()).isEqualTo(470);
  }

  @Test
  void the_extended_name_gpu_milli_means_the_same_share() {
    assertThat(SpecCodec.readResources("{gpu-milli: 470}", "r.yaml").gpuMilli()).isEqualTo(470);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void a_share_is_written_as_gpuMilli_and_reads_back_equal(Format format) {
    String text = SpecCodec.writeTask(SHARE, format);
    assertThat(text).contains("gpuMilli").doesNotContain("gpu-milli");
    assertThat(SpecCodec.readTask(text, "t")).isEqualTo(SHARE);
  }

  @Test
  void a_share_above_one_gpu_or_beside_whole_gpus_is_reported_at_the_resources() {
    assertThat(problemsOf(() -> SpecCodec.readTask("id: t\nresources:\n  gpuMilli: 1500\n", "t.yaml"))).containsExactly(
        problem("/resources", 2, "gpuMilli is a share of one GPU, from 1 to 1000, got 1500"));
    assertThat(problemsOf(() -> SpecCodec.readTask("id: t\nresources: {gpus: 1, gpuMilli: 500}\n", "t.yaml")))
        .containsExactly(problem("/resources", 2, "ask either whole gpus or gpuMilli (a share of one GPU), not both"));
  }

  @Test
  void a_node_never_declares_gpu_shares_its_gpus_offer_them() {
    assertThat(problemsOf(() -> SpecCodec.readNode("id: n1\ncapacity: {cpu: 8, gpus: 2, gpuMilli: 2000}\n", "n.yaml")))
        .containsExactly(problem("/capacity", 2, "a node does not declare gpuMilli: each of its gpus offers 1000"));
  }

  @Test
  void a_misspelt_gpuMilli_is_a_typo_not_an_extended_resource() {
    assertThat(problemsOf(() -> SpecCodec.readResources("{gpuMili: 5}", "r.yaml"))).containsExactly(
        problem("/gpuMili", 1, "unknown field 'gpuMili' (did you mean 'gpuMilli'?)"));
  }

  @Test
  void a_task_built_in_code_with_an_impossible_share_is_refused() {
    TaskSpec.Builder b = TaskSpec.builder("t").resources(new Resources(0, 0, 0, 2, Map.of(Resources.GPU_MILLI, 10L)));
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task t: ask either whole gpus or gpuMilli (a share of one GPU), not both");
  }

  @Test
  void as_a_capacity_each_gpu_offers_a_thousand_milli() {
    Resources node = new Resources(64_000, 262_144, 0, 8, Map.of());
    assertThat(node.asCapacity().gpuMilli()).isEqualTo(8000);
    assertThat(new Resources(0, 0, 0, 0, Map.of(Resources.GPU_MILLI, 999L)).fitsIn(Resources.of(0, 0).asCapacity()))
        .isFalse();
  }
}
