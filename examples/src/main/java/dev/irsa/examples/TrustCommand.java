package dev.irsa.examples;

import dev.irsa.core.arn.Partition;
import dev.irsa.core.internal.Quote;
import dev.irsa.core.policy.JsonFormat;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.PodIdentityTrust;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.core.trust.SubjectMatch;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trust ...}: write trust policies. */
@Command(name = "trust", description = "Write role trust policies.", mixinStandardHelpOptions = true,
    subcommands = {TrustCommand.Irsa.class, TrustCommand.PodIdentity.class})
final class TrustCommand {

  /** {@code trust irsa ...}. */
  @Command(name = "irsa", mixinStandardHelpOptions = true,
      description = "Write the IRSA trust policy for service accounts of a cluster.")
  static final class Irsa implements Callable<Integer> {
    @Option(names = "--issuer", required = true, paramLabel = "URL",
        description = "The cluster's OIDC issuer, e.g. https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE.")
    String issuer;

    @Option(names = "--account", required = true, paramLabel = "ID", description = "The role's 12-digit account.")
    String account;

    @Option(names = "--partition", paramLabel = "P", description = "aws (default: from the issuer host), aws-cn, aws-us-gov, ...")
    String partition;

    @Option(names = "--service-account", required = true, paramLabel = "NS:NAME",
        description = "A service account to trust; repeat for more.")
    List<String> serviceAccounts;

    @Option(names = "--audience", paramLabel = "AUD", defaultValue = OidcProvider.DEFAULT_AUDIENCE,
        description = "The token audience (default: ${DEFAULT-VALUE}).")
    String audience;

    @Option(names = "--match", paramLabel = "exact|like", defaultValue = "exact",
        description = "exact (StringEquals, default) or like (StringLike; allows * and ? in NS:NAME); case-insensitive.")
    SubjectMatch match;

    @Option(names = "--pretty", description = "Indent the output.")
    boolean pretty;

    @Override
    public Integer call() {
      OidcProvider provider = partition == null ? OidcProvider.fromIssuer(issuer, account)
          : OidcProvider.fromIssuer(issuer, account, Partition.of(partition));
      SubjectMatch m = match;
      IrsaTrust.Builder b = IrsaTrust.builder().audience(audience).match(m);
      for (String sa : serviceAccounts) {
        b.serviceAccount(provider, m == SubjectMatch.LIKE ? ServiceAccountRef.parse(sa) : strict(sa));
      }
      print(b.build(), pretty);
      return 0;
    }

    static ServiceAccountRef strict(String sa) {
      ServiceAccountRef ref = ServiceAccountRef.parse(sa);
      if (ref.isPattern()) {
        throw new CliException(2, "service account " + Quote.single(sa) + " has a wildcard: pass --match like to allow it");
      }
      return ref;
    }
  }

  /** {@code trust pod-identity ...}. */
  @Command(name = "pod-identity", mixinStandardHelpOptions = true,
      description = "Write an EKS Pod Identity trust policy.")
  static final class PodIdentity implements Callable<Integer> {
    @Option(names = "--cluster-arn", paramLabel = "ARN", description = "Only pods of this cluster.")
    String clusterArn;

    @Option(names = "--namespace", paramLabel = "NS", description = "Only pods in this namespace.")
    String namespace;

    @Option(names = "--service-account", paramLabel = "NS:NAME",
        description = "Only pods of this service account (namespace and name).")
    String serviceAccount;

    @Option(names = "--pretty", description = "Indent the output.")
    boolean pretty;

    @Override
    public Integer call() {
      PodIdentityTrust.Builder b = PodIdentityTrust.builder();
      if (clusterArn != null) {
        b.clusterArn(clusterArn);
      }
      String ns = namespace;
      if (serviceAccount != null) {
        ServiceAccountRef sa = Irsa.strict(serviceAccount);
        if (ns != null && !ns.equals(sa.namespace())) {
          throw new CliException(2, "--namespace '" + ns + "' and --service-account '" + serviceAccount
              + "' name different namespaces");
        }
        ns = sa.namespace();
        b.serviceAccount(sa.name());
      }
      if (ns != null) {
        b.namespace(ns);
      }
      print(b.build(), pretty);
      return 0;
    }
  }

  static void print(PolicyDocument doc, boolean pretty) {
    System.out.println(doc.toJson(pretty ? JsonFormat.PRETTY : JsonFormat.COMPACT));
  }
}
