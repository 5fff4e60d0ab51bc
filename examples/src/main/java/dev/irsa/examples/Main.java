package dev.irsa.examples;

import dev.irsa.core.internal.Quote;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar irsa-examples.jar <command>}: the irsa command line. */
@Command(
    name = "irsa",
    mixinStandardHelpOptions = true,
    version = "irsa 0.1.0",
    description = "IAM Roles for Service Accounts (EKS): build, check and prove least-privilege pod access.",
    subcommands = {
        WalkthroughCommand.class,
        PolicyCommand.class,
        TrustCommand.class,
        LintCommand.class,
        PodCommand.class,
        ProvisionCommand.class,
        TeardownCommand.class,
        ExportCommand.class,
        MigrateCommand.class,
        EvaluateCommand.class,
        VerifyCommand.class,
        DoctorCommand.class,
        AuditCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    // JSON is UTF-8 (RFC 8259) whatever the locale: under LANG=C the default encoder would print
    // "arn:aws:s3:::b/é" as "arn:aws:s3:::b/?", and '?' is a wildcard in IAM.
    System.setOut(utf8(FileDescriptor.out));
    System.setErr(utf8(FileDescriptor.err));
    int code = run(args);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 1 << 16), true, StandardCharsets.UTF_8);
  }

  /** Runs a command line and returns its exit code (used by tests). */
  public static int run(String... args) {
    EvaluateCommand quick = EvaluateCommand.withoutPicocli(args);
    if (quick != null) {
      java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
      try {
        return quick.call();
      } catch (Exception ex) {
        return failed(err, ex);
      } catch (StackOverflowError | OutOfMemoryError e) {
        return internalError(err, e);
      }
    }
    CommandLine cl = new CommandLine(new Main());
    // choice options are enums: "--kind trust" and "--kind TRUST" both work; a bad value lists the choices
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failed(cmd.getErr(), ex));
    cl.setParameterExceptionHandler((ex, arguments) -> {
      CommandLine cmd = ex.getCommandLine();
      cmd.getErr().println(errorLine(ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')"));
      return 2;
    });
    try {
      return cl.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      return internalError(cl.getErr(), e);
    }
  }

  /**
   * The one {@code error:} line: control characters escaped, so that no value a message quotes can end
   * the line and forge another, and values cut (each message also quotes input through {@link Quote}).
   */
  static String errorLine(String message) {
    return "error: " + Quote.line(message);
  }

  private static int failed(java.io.PrintWriter err, Exception ex) {
    if (ex instanceof CliException c) {
      err.println(errorLine(c.getMessage()));
      err.flush();
      return c.exitCode();
    }
    if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
      err.println(errorLine(ex.getMessage()));
      err.flush();
      return 2;
    }
    return internalError(err, ex);
  }

  /** Exit status for a failure irsa did not anticipate (a bug): one line, the stack trace only on request. */
  static final int INTERNAL_ERROR = 3;

  private static int internalError(java.io.PrintWriter err, Throwable ex) {
    err.println("error: internal error: " + ex.getClass().getSimpleName()
        + (ex.getMessage() == null ? "" : ": " + Quote.cut(ex.getMessage()))
        + " (a bug in irsa; set IRSA_DEBUG=1 to print the stack trace)");
    if (System.getenv("IRSA_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return INTERNAL_ERROR;
  }
}
