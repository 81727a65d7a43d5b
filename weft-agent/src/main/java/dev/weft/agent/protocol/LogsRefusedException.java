package dev.weft.agent.protocol;

/** The server refused a log shipment for good (a 4xx answer): sending it again would not help. */
public final class LogsRefusedException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public LogsRefusedException(String message) {
    super(message);
  }
}
