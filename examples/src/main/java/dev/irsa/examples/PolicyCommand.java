package dev.irsa.examples;

import dev.irsa.core.policy.JsonFormat;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policy ...}: work with policy documents. */
@Command(name = "policy", description = "Work with IAM policy documents.", mixinStandardHelpOptions = true,
    subcommands = {PolicyCommand.Format.class})
final class PolicyCommand {

  /** {@code policy format [--pretty] FILE|-}. */
  @Command(name = "format", mixinStandardHelpOptions = true,
      description = "Read a policy document and write its canonical JSON. Exit 2 on bad input.")
  static final class Format implements Callable<Integer> {
    @Option(names = "--pretty", description = "Indent the output.")
    boolean pretty;

    @Parameters(paramLabel = "FILE|-", description = "The policy document; - reads stdin.")
    String file;

    @Override
    public Integer call() {
      String text = Io.read(file);
      PolicyDocument doc;
      try {
        doc = PolicyDocument.fromJson(text);
      } catch (PolicyParseException e) {
        throw new CliException(2, e.getMessage());
      }
      System.out.println(doc.toJson(pretty ? JsonFormat.PRETTY : JsonFormat.COMPACT));
      return 0;
    }
  }
}
