package dev.weft.cli.client;

/** The server answered with a problem (or could not be reached); the message is one line for the terminal. */
public class ServerRefusedException extends RuntimeException {
  public ServerRefusedException(String message) {
    super(message);
  }
}
