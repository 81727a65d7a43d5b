package dev.weft.agent.logs;

/** Which output of a task. */
public enum LogStream {
  STDOUT("stdout"), STDERR("stderr");

  private final String suffix;

  LogStream(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }
}
