package dev.irsa.examples;

import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.OidcProvider;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say what role to make, shared by {@code provision} and {@code export} (one option
 * group, so both build the same {@link ServiceAccountRole} from the same flags).
 */
final class RoleOptions {
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

  /**
   * The role these options describe. A policy file is read and linted before any AWS call, the cluster
   * lookup included.
   */
  ServiceAccountRole role() {
    AwsOptions.checkPermissionOptions(policyFile, buckets, tables);
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
    return b.build();
  }
}
