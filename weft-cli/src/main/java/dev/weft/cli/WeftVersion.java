package dev.weft.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code weft --version}: the jar's implementation version, when packaged. */
public final class WeftVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = WeftVersion.class.getPackage().getImplementationVersion();
    return new String[] {"weft " + (v == null ? "(development build)" : v)};
  }
}
