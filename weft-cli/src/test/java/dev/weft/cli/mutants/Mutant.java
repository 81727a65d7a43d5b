package dev.weft.cli.mutants;

import java.util.List;

/**
 * One mutated document.
 *
 * @param kinds the mutations applied (one, or two at separate places)
 * @param text the document as the CLI reads it
 * @param places JSON pointers of what was changed; a problem must be reported at, above or below each
 */
record Mutant(int number, List<String> kinds, String text, List<String> places) {
  String label() {
    return "mutant " + number + " " + kinds + " at " + places;
  }
}
