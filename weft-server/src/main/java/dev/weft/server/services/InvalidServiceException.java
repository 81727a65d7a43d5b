package dev.weft.server.services;

import java.util.List;
import java.util.stream.Collectors;

/** A service document that cannot be accepted, with every problem found in it. */
public final class InvalidServiceException extends RuntimeException {
  private final transient List<ServiceProblem> problems;

  public InvalidServiceException(List<ServiceProblem> problems) {
    super(problems.stream().map(p -> (p.pointer().isEmpty() ? "/" : p.pointer()) + ": " + p.message())
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<ServiceProblem> problems() {
    return problems;
  }
}
