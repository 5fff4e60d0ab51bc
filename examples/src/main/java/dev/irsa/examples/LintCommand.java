package dev.irsa.examples;

import dev.irsa.core.lint.LintReport;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.PolicyLinter;
import dev.irsa.core.policy.PolicyParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lint [--kind KIND] [--table] [--audience A] FILE|-}. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Check a policy document before it reaches AWS: unknown actions (with suggestions), resource type"
        + " mismatches, condition mistakes, broad grants, and IRSA/Pod Identity trust mistakes.",
        "Prints the findings as a JSON array (or a table with --table).",
        "Exit status: 1 when any finding is an ERROR, 0 otherwise, 2 when the input is not JSON."})
final class LintCommand implements Callable<Integer> {
  @Option(names = "--kind", defaultValue = "identity", paramLabel = "KIND",
      description = "One of ${COMPLETION-CANDIDATES} (case-insensitive; default: identity).")
  PolicyKind kind;

  @Option(names = "--table", description = "Print a table instead of JSON.")
  boolean table;

  @Option(names = "--audience", paramLabel = "AUDIENCE",
      description = "The audience IRSA tokens carry (default: sts.amazonaws.com).")
  String audience;

  @Parameters(paramLabel = "FILE|-", description = "The policy document; - reads stdin.")
  String file;

  @Override
  public Integer call() {
    PolicyKind k = kind;
    String text = Io.read(file);
    PolicyLinter linter = PolicyLinter.create();
    if (audience != null) {
      linter = linter.audience(audience);
    }
    LintReport report;
    try {
      report = linter.lint(text, k);
    } catch (PolicyParseException e) {
      throw new CliException(2, (file.equals("-") ? "stdin" : file) + ": not JSON: " + e.getMessage());
    }
    System.out.print(table ? report.toTable() : report.toJson(true) + "\n");
    return report.hasErrors() ? 1 : 0;
  }
}
