package dev.irsa.examples;

import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.ManagedPolicy;
import dev.irsa.core.aws.ProvisioningException;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.aws.Thumbprint;
import dev.irsa.core.policy.JsonFormat;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.lint.Finding;
import dev.irsa.core.lint.LintReport;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.PolicyLinter;
import dev.irsa.core.lint.Severity;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.aws.Plan;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/** Options shared by {@code provision} and {@code teardown}: where IAM is, which cluster, which service account, which role. */
final class AwsOptions {
  @Option(names = "--cluster", paramLabel = "NAME",
      description = "The EKS cluster whose OIDC issuer to trust (read with DescribeCluster).")
  String cluster;

  @Option(names = "--issuer", paramLabel = "URL",
      description = "The cluster's OIDC issuer, instead of --cluster (no EKS call); needs --account.")
  String issuer;

  @Option(names = "--account", paramLabel = "ID", description = "The role's 12-digit account, with --issuer.")
  String account;

  @Option(names = "--service-account", required = true, paramLabel = "NS:NAME",
      description = "The service account: its namespace and name.")
  String serviceAccount;

  @Option(names = "--role-name", paramLabel = "R", description = "The role (default: irsa-<namespace>-<service account>).")
  String roleName;

  @Option(names = "--policy-name", paramLabel = "P", description = "The managed policy (default: the role name).")
  String policyName;

  @Option(names = "--adopt", description = "Manage a role or policy of that name that irsa did not create.")
  boolean adopt;

  @Option(names = "--plan", description = "Only show what would change (read calls only).")
  boolean plan;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--endpoint", paramLabel = "URL", description = "Send every AWS call to this URL (e.g. moto).")
  URI endpoint;

  @Option(names = "--region", paramLabel = "R", description = "The AWS region (default: the SDK's region chain).")
  String region;

  Region region() {
    return AwsClients.region(region);
  }

  IamClient iam() {
    return new AwsClients(region(), endpoint).iam();
  }

  EksClient eks() {
    return new AwsClients(region(), endpoint).eks();
  }

  OidcProvider provider() {
    if ((cluster == null) == (issuer == null)) {
      throw new CliException(2, "give either --cluster NAME or --issuer URL (with --account ID)");
    }
    if (issuer != null) {
      if (account == null) {
        throw new CliException(2, "--issuer needs --account ID");
      }
      return OidcProvider.fromIssuer(issuer, account);
    }
    try (EksClient eks = eks()) {
      return IamProvisioner.clusterOidcProvider(eks, cluster);
    } catch (ProvisioningException e) {
      throw new CliException(1, e.getMessage());
    }
  }

  ServiceAccountRef serviceAccountRef() {
    ServiceAccountRef ref = ServiceAccountRef.parse(serviceAccount);
    if (ref.isPattern()) {
      throw new CliException(2, "service account '" + serviceAccount + "' has a wildcard: provisioning needs one service account");
    }
    return ref;
  }

  String roleName() {
    if (roleName != null) {
      return dev.irsa.core.internal.Names.roleName(roleName);
    }
    ServiceAccountRef sa = serviceAccountRef();
    String name = "irsa-" + sa.namespace() + "-" + sa.name();
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  String policyName() {
    return policyName != null ? policyName : roleName();
  }

  ServiceAccountRole.Builder role(OidcProvider provider) {
    return ServiceAccountRole.builder().roleName(roleName()).serviceAccount(provider, serviceAccountRef()).adopt(adopt);
  }

  void print(String heading, Plan result) {
    if (json) {
      System.out.println(result.toJson(JsonFormat.PRETTY));
    } else {
      System.out.println(heading + " " + result.role());
      System.out.print(result);
    }
  }

  /** The permission policy from exactly one kind of source. */
  /** Checks that exactly one way of giving the permissions was used. */
  static void checkPermissionOptions(String policyFile, List<String> buckets, List<String> tables) {
    boolean presets = !buckets.isEmpty() || !tables.isEmpty();
    if (policyFile != null && presets) {
      throw new CliException(2, "give --policy-file or --s3-read-bucket/--dynamodb-read-table, not both");
    }
    if (policyFile == null && !presets) {
      throw new CliException(2, "give the permissions: --policy-file F, --s3-read-bucket B or --dynamodb-read-table T");
    }
  }

  /**
   * Reads a permission policy file; with {@code lint}, refuses one with ERROR findings (unknown actions,
   * resource type mismatches: what IAM accepts silently) before anything reaches AWS.
   */
  static PolicyDocument policyFromFile(String policyFile, boolean lint) {
    String json = Io.read(policyFile);
    PolicyDocument doc;
    try {
      doc = PolicyDocument.fromJson(json);
    } catch (PolicyParseException e) {
      throw new CliException(2, policyFile + ": " + e.getMessage());
    }
    if (lint) {
      LintReport report = PolicyLinter.create().lint(json, PolicyKind.IDENTITY);
      if (report.hasErrors()) {
        List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        Finding first = errors.get(0);
        throw new CliException(2, policyFile + ": lint found " + errors.size() + " ERROR" + (errors.size() == 1 ? "" : "s")
            + " (run 'lint " + policyFile + "' for all; fix them or pass --skip-lint); first: " + first.code() + " "
            + first.path() + ": " + first.message());
      }
    }
    return doc;
  }

  /** The preset permissions: read-only S3 buckets and DynamoDB tables in {@code region} and {@code account}. */
  static PolicyDocument presetPermissions(List<String> buckets, List<String> tables, String region, String account) {
    Permissions.Builder b = Permissions.builder();
    buckets.forEach(b::s3Read);
    for (String t : tables) {
      b.dynamoDb(DynamoDbArns.table(region, account, t), Permissions.TableAccess.READ);
    }
    return b.build();
  }

  static Thumbprint thumbprint(String hex, boolean fromIssuer) {
    if (hex != null && fromIssuer) {
      throw new CliException(2, "give --thumbprint or --thumbprint-from-issuer, not both");
    }
    return hex != null ? Thumbprint.of(hex) : fromIssuer ? Thumbprint.fromIssuer() : Thumbprint.omit();
  }

  static ManagedPolicy managedPolicy(String name, PolicyDocument doc) {
    return ManagedPolicy.of(name, doc);
  }
}
