package dev.irsa.examples;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.aws.TrustedServiceAccount;
import dev.irsa.core.export.IacExport;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.k8s.ServiceAccountBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export --format ...}: what {@code provision} would apply, as infrastructure as code. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write what 'provision' would apply, with the same flags, as a CloudFormation template, Terraform "
        + "JSON or the Kubernetes ServiceAccount manifest. The IAM documents inside are the canonical JSON "
        + "'provision' writes. No IAM call is made (with --cluster, one EKS DescribeCluster).",
        "Exit 0 on success, 1 when AWS fails, 2 on bad input."})
final class ExportCommand implements Callable<Integer> {
  /** The formats {@code --format} takes. */
  enum Format {
    cloudformation("template.json"),
    terraform("main.tf.json"),
    kubernetes("serviceaccount.yaml");

    final String fileName;

    Format(String fileName) {
      this.fileName = fileName;
    }
  }

  @Mixin
  RoleOptions options;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "cloudformation, terraform or kubernetes.")
  Format format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write the file (template.json, main.tf.json or serviceaccount.yaml) into DIR instead of stdout.")
  Path out;

  @Override
  public Integer call() {
    AwsOptions aws = options.aws;
    if (aws.plan || aws.adopt || aws.json) {
      throw new CliException(2, "export takes neither --plan, --adopt nor --json (it only writes the format asked for)");
    }
    ServiceAccountRole role = options.role();
    String text = switch (format) {
      case cloudformation -> IacExport.cloudFormation(role);
      case terraform -> IacExport.terraform(role);
      case kubernetes -> ServiceAccountBinding.toYaml(bindings(role));
    };
    if (out == null) {
      System.out.print(text);
      System.out.flush();
      return 0;
    }
    Path file = write(out, format.fileName, text);
    System.err.println("wrote " + file);
    return 0;
  }

  /** One ServiceAccount per trusted service account, annotated with the role (and a non-default audience). */
  static List<ServiceAccountBinding> bindings(ServiceAccountRole role) {
    RoleArn arn = role.roleArn();
    List<ServiceAccountBinding> out = new ArrayList<>();
    for (TrustedServiceAccount t : role.serviceAccounts()) {
      ServiceAccountBinding.Builder b = ServiceAccountBinding.builder().serviceAccount(t.serviceAccount()).role(arn);
      if (!role.audience().equals(OidcProvider.DEFAULT_AUDIENCE)) {
        b.audience(role.audience());
      }
      out.add(b.build());
    }
    return out;
  }

  /** Writes {@code dir/name} whole or not at all: a temporary file in {@code dir}, then an atomic rename. */
  static Path write(Path dir, String name, String text) {
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(name);
      Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      return target;
    } catch (IOException e) {
      throw new CliException(2, dir + ": cannot write " + name + ": " + e.getMessage());
    }
  }
}
