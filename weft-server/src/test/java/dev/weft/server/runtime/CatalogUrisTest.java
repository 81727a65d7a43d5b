package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.workflow.plan.FunctionRef;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a catalog keeps {@code log:0.5.2}: under its endpoint, or the raw content behind a GitHub or GitLab page. */
class CatalogUrisTest {
  private static final FunctionRef LOG = FunctionRef.parse("log:0.5.2@global");
  private static final String PATH = "/functions/log/0.5.2/function.yaml";

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("a GitHub repository reads its main branch", "https://github.com/serverlessworkflow/catalog",
            "https://raw.githubusercontent.com/serverlessworkflow/catalog/refs/heads/main" + PATH),
        Arguments.of("a GitHub tree reads that branch (the spec's example)", "https://github.com/serverlessworkflow/catalog/tree/main",
            "https://raw.githubusercontent.com/serverlessworkflow/catalog/refs/heads/main" + PATH),
        Arguments.of("a GitHub tree of another branch, with a trailing slash", "https://github.com/org/repo/tree/v2/",
            "https://raw.githubusercontent.com/org/repo/refs/heads/v2" + PATH),
        Arguments.of("a folder of a GitHub tree", "https://github.com/org/repo/tree/dev/catalogs/ours",
            "https://raw.githubusercontent.com/org/repo/refs/heads/dev/catalogs/ours" + PATH),
        Arguments.of("a GitHub clone address drops .git", "https://github.com/org/repo.git",
            "https://raw.githubusercontent.com/org/repo/refs/heads/main" + PATH),
        Arguments.of("a GitLab tree reads that branch's raw files", "https://gitlab.com/group/project/-/tree/release",
            "https://gitlab.com/group/project/-/raw/release" + PATH),
        Arguments.of("a GitLab project in a subgroup reads its main branch", "https://gitlab.com/group/sub/project",
            "https://gitlab.com/group/sub/project/-/raw/main" + PATH),
        Arguments.of("a self-hosted GitLab tree is known by its /-/tree/", "https://git.example.com/team/cat/-/tree/main",
            "https://git.example.com/team/cat/-/raw/main" + PATH),
        Arguments.of("any other endpoint is the catalog's root", "https://catalog.example.com/v1/",
            "https://catalog.example.com/v1" + PATH),
        Arguments.of("raw GitHub content is read as it is", "https://raw.githubusercontent.com/org/repo/refs/heads/main",
            "https://raw.githubusercontent.com/org/repo/refs/heads/main" + PATH),
        Arguments.of("a file catalog", "file:///srv/catalog", "file:///srv/catalog" + PATH),
        Arguments.of("a relative file catalog", "file:catalog", "file:catalog" + PATH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void theFunctionDefinitionIsReadFrom(String what, String endpoint, String expected) {
    assertThat(CatalogUris.function(endpoint, LOG)).isEqualTo(expected);
  }
}
