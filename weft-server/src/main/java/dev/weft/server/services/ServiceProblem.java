package dev.weft.server.services;

/** One thing wrong in a service document (or a step's task settings): a JSON pointer and what is wrong there. */
public record ServiceProblem(String pointer, String message) {}
