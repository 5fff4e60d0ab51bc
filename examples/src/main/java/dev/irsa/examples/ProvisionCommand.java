package dev.irsa.examples;

import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.Plan;
import dev.irsa.core.aws.ProvisioningException;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.OidcProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iam.IamClient;

/** {@code provision ...}: the cluster's OIDC provider, a managed policy and the role for one service account. */
@Command(name = "provision", mixinStandardHelpOptions = true,
    description = {"Create or update, idempotently, the IAM OIDC provider of a cluster, a managed policy and the role "
        + "a service account assumes (IRSA). Prints the changes made, or with --plan the changes it would make.",
        "Exit 0 on success, 1 when IAM refuses or fails or a concurrent writer dropped the trust update (run "
            + "again), 2 on bad input."})
final class ProvisionCommand implements Callable<Integer> {
  @Mixin
  AwsOptions aws;

  @Option(names = "--policy-file", paramLabel = "F", description = "The permission policy (JSON; - reads stdin).")
  String policyFile;

  @Option(names = "--s3-read-bucket", paramLabel = "B", description = "Read-only access to this bucket; repeatable.")
  List<String> buckets = new ArrayList<>();

  @Option(names = "--dynamodb-read-table", paramLabel = "T",
      description = "Read access to this table in --region and the role's account; repeatable.")
  List<String> tables = new ArrayList<>();

  @Option(names = "--skip-lint", description = "Do not refuse a --policy-file with lint ERROR findings.")
  boolean skipLint;

  @Option(names = "--description", paramLabel = "TEXT", description = "The role's description.")
  String description;

  @Option(names = "--thumbprint", paramLabel = "SHA1", description = "Thumbprint for a new OIDC provider (default: none).")
  String thumbprint;

  @Option(names = "--thumbprint-from-issuer",
      description = "Compute a new OIDC provider's thumbprint from the issuer's TLS chain (none when unreachable).")
  boolean thumbprintFromIssuer;

  @Override
  public Integer call() {
    AwsOptions.checkPermissionOptions(policyFile, buckets, tables);
    // A policy file is read and linted before any AWS call, the cluster lookup included.
    PolicyDocument fromFile = policyFile == null ? null : AwsOptions.policyFromFile(policyFile, !skipLint);
    OidcProvider provider = aws.provider();
    PolicyDocument policy = fromFile != null ? fromFile
        : AwsOptions.presetPermissions(buckets, tables, aws.region().id(), provider.account());
    ServiceAccountRole.Builder b = aws.role(provider)
        .addManagedPolicy(AwsOptions.managedPolicy(aws.policyName(), policy))
        .thumbprint(AwsOptions.thumbprint(thumbprint, thumbprintFromIssuer));
    if (description != null) {
      b.description(description);
    }
    ServiceAccountRole role = b.build();
    try (IamClient iam = aws.iam()) {
      IamProvisioner provisioner = IamProvisioner.using(iam);
      if (aws.plan) {
        aws.print("plan for", provisioner.plan(role));
      } else {
        Plan done = provisioner.apply(role);
        aws.print("applied to", done);
      }
      return 0;
    } catch (ProvisioningException e) {
      throw new CliException(1, e.getMessage());
    }
  }
}
