package dev.weft.agent.cgroup;

/** A cgroup file could not be read or written; the message names the file. */
public final class CgroupException extends RuntimeException {
  CgroupException(String message, Throwable cause) {
    super(message, cause);
  }
}
