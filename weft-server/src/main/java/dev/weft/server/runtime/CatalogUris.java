package dev.weft.server.runtime;

import dev.weft.workflow.plan.FunctionRef;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a catalog keeps a function's definition: {@code {endpoint}/functions/NAME/VERSION/function.yaml}
 * (the catalog's file structure, DSL "Catalogs"). A catalog in a GitHub or GitLab repository is
 * named by its web address, and the definition is read from the raw content behind it:
 * {@code https://github.com/ORG/REPO[/tree/BRANCH[/DIR]]} becomes
 * {@code https://raw.githubusercontent.com/ORG/REPO/refs/heads/BRANCH[/DIR]/...} (branch
 * {@code main} when none is named), and {@code https://HOST/GROUP/PROJECT/-/tree/BRANCH} becomes
 * {@code https://HOST/GROUP/PROJECT/-/raw/BRANCH/...} ({@code https://gitlab.com/GROUP/PROJECT}
 * alone reads branch {@code main}). Pure.
 */
final class CatalogUris {
  private static final String DEFAULT_BRANCH = "main";
  private static final Pattern GITHUB = Pattern.compile("https?://(?:www\\.)?github\\.com/([^/]+)/([^/]+?)(?:\\.git)?(?:/tree/(.+))?");
  private static final Pattern GITLAB_TREE = Pattern.compile("(https?://[^/]+/.+?)/-/tree/(.+)");
  private static final Pattern GITLAB = Pattern.compile("(https?://(?:www\\.)?gitlab\\.com/[^/]+/[^?#]+?)(?:\\.git)?");

  private CatalogUris() {}

  /** The URI of the definition of {@code function} in the catalog at {@code endpoint}. */
  static String function(String endpoint, FunctionRef function) {
    String path = "/functions/" + function.name() + "/" + function.version() + "/function.yaml";
    String root = endpoint.strip().replaceAll("/+$", "");
    Matcher m = GITHUB.matcher(root);
    if (m.matches()) {
      String tree = m.group(3) == null ? DEFAULT_BRANCH : m.group(3);
      return "https://raw.githubusercontent.com/" + m.group(1) + "/" + m.group(2) + "/refs/heads/" + tree + path;
    }
    m = GITLAB_TREE.matcher(root);
    if (m.matches()) {
      return m.group(1) + "/-/raw/" + m.group(2) + path;
    }
    m = GITLAB.matcher(root);
    if (m.matches() && !root.contains("/-/")) {
      return m.group(1) + "/-/raw/" + DEFAULT_BRANCH + path;
    }
    return root + path;
  }
}
