package dev.weft.workflow.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Optional;

/** The DSL's {@code schedule.cron}: a Unix cron expression of five fields (minute hour day-of-month month day-of-week), read by cron-utils. */
public final class CronText {
  private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private CronText() {}

  /** @throws IllegalArgumentException when the text is not a valid Unix cron expression */
  public static Cron parse(String text) {
    Cron cron = UNIX.parse(text);
    cron.validate();
    return cron;
  }

  /** What is wrong with the expression, if anything (for the validator). */
  public static Optional<String> problem(String text) {
    try {
      parse(text);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("cron expression '" + text + "' is not valid (5 fields: minute hour day-of-month month day-of-week): "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }
}
