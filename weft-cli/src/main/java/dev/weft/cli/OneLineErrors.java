package dev.weft.cli;

import dev.weft.cli.client.ServerRefusedException;
import dev.weft.model.codec.SpecException;
import dev.weft.sim.cluster.ClusterSpecException;
import dev.weft.sim.workload.WorkloadException;
import java.io.PrintWriter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns every error into one line on stderr. Mistakes in the command line or its inputs are
 * {@code weft: <message>} with exit code 2 (a spec file with several problems shows the first and
 * counts the rest); anything else is a defect of Weft, reported as
 * {@code weft: internal error: <message>} with exit code 1 (set {@code WEFT_DEBUG=1} for the trace).
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("weft: " + firstLine(e.getMessage()) + " (see 'weft " + subcommandName(e.getCommandLine())
        + "--help')");
    err.flush();
    return WeftCommand.BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof SpecException spec) {
      int more = spec.problems().size() - 1;
      err.println("weft: " + firstLine(e.getMessage()) + (more > 0 ? " (and " + more + " more problems)" : ""));
      err.flush();
      return WeftCommand.BAD_INPUT;
    }
    if (e instanceof ServerRefusedException) {
      err.println("weft: " + firstLine(e.getMessage()));
      err.flush();
      return WeftCommand.WORK_FAILED;
    }
    if (isUserError(e)) {
      err.println("weft: " + firstLine(e.getMessage()));
      err.flush();
      return WeftCommand.BAD_INPUT;
    }
    err.println("weft: internal error: " + firstLine(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName()
        + ")");
    if (System.getenv("WEFT_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return WeftCommand.WORK_FAILED;
  }

  private static boolean isUserError(Exception e) {
    return e instanceof UsageException || e instanceof WorkloadException || e instanceof ClusterSpecException;
  }

  private static String subcommandName(CommandLine cli) {
    return cli.getParent() == null ? "" : cli.getCommandName() + " ";
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
