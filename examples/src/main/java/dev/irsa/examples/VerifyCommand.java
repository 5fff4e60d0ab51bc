package dev.irsa.examples;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.EksAnnotations;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.live.AccountSource;
import dev.irsa.verify.live.PodSource;
import dev.irsa.verify.live.ProbeClients;
import dev.irsa.verify.live.TokenSource;
import dev.irsa.verify.report.VerificationReport;
import dev.irsa.verify.source.OfflineSource;
import dev.irsa.verify.source.Target;
import dev.irsa.verify.source.Verification;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code verify ...}: a service account's access, checked from offline, account, token and pod sources. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify what a service account can and cannot do: expectations (--expect-allow, --expect-deny, "
        + "--expectations) checked offline against given documents, against the role's documents read from IAM "
        + "(account), with a live session from a TokenRequest token (token) and inside a running pod (pod). "
        + "Only read-only probes are sent; actions that change data are answered offline.",
        "Prints a table (or --json, or JUnit XML to --junit-xml FILE).",
        "Exit 0 when every check passes, 1 when one fails or drifts (sources disagree), 2 on bad input."})
final class VerifyCommand implements Callable<Integer> {
  enum SourceName { offline, account, token, pod }

  @Option(names = "--service-account", required = true, paramLabel = "NS:NAME", description = "The service account.")
  String serviceAccount;

  @Option(names = "--role-arn", paramLabel = "ARN",
      description = "The role (default: the service account's eks.amazonaws.com/role-arn annotation, with --context).")
  String roleArn;

  @Option(names = "--issuer", paramLabel = "URL",
      description = "The cluster's OIDC issuer (default: the Federated principal of --trust-file, or the cluster's).")
  String issuer;

  @Option(names = "--expect-allow", paramLabel = "ACTION=RESOURCE", description = "Must be allowed; repeatable.")
  List<String> allow = new ArrayList<>();

  @Option(names = "--expect-deny", paramLabel = "ACTION=RESOURCE", description = "Must be denied; repeatable.")
  List<String> deny = new ArrayList<>();

  @Option(names = "--expect-identity", description = "Check that the service account gets a session of the role.")
  boolean identity;

  @Option(names = "--expectations", paramLabel = "FILE", description = "Expectations as JSON (see the README).")
  String expectationsFile;

  @Option(names = "--sources", split = ",", paramLabel = "SOURCE",
      description = "offline, account, token, pod (comma-separated; default: offline).")
  List<SourceName> sources = new ArrayList<>(List.of(SourceName.offline));

  @Option(names = "--policy-file", paramLabel = "F", description = "An identity policy of the role (offline); repeatable.")
  List<String> policyFiles = new ArrayList<>();

  @Option(names = "--trust-file", paramLabel = "F", description = "The role's trust policy (offline).")
  String trustFile;

  @Option(names = "--boundary-file", paramLabel = "F", description = "The role's permissions boundary (offline).")
  String boundaryFile;

  @Option(names = "--context", paramLabel = "C", description = "The kubeconfig context (token, pod).")
  String context;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The kubeconfig (default: KUBECONFIG or ~/.kube/config).")
  String kubeconfig;

  @Option(names = "--pod", paramLabel = "NAME", description = "The pod (default: the first running pod of the service account).")
  String pod;

  @Option(names = "--endpoint", paramLabel = "URL", description = "Send every AWS call to this URL (e.g. moto).")
  URI endpoint;

  @Option(names = "--endpoint-checks-no-trust",
      description = "The STS endpoint checks neither token nor trust (moto): its identity answer is shown, not counted.")
  boolean endpointChecksNoTrust;

  @Option(names = "--region", paramLabel = "R", description = "The AWS region (default: AWS_REGION, else us-east-1).")
  String region;

  @ArgGroup(exclusive = true)
  Output output = new Output();

  static final class Output {
    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Write the report as JUnit XML to FILE.")
    String junitXml;
  }

  @Override
  public Integer call() {
    ServiceAccountRef sa = parseServiceAccount(serviceAccount);
    Expectations checks = ExpectationArgs.parse(allow, deny, identity, expectationsFile);
    Set<SourceName> want = sources.isEmpty() ? EnumSet.of(SourceName.offline) : EnumSet.copyOf(sources);
    PolicyDocument trust = trustFile == null ? null : read(trustFile);
    List<PolicyDocument> policies = policyFiles.stream().map(VerifyCommand::read).toList();
    PolicyDocument boundary = boundaryFile == null ? null : read(boundaryFile);
    if (want.contains(SourceName.offline) && trust == null && policies.isEmpty()) {
      throw new CliException(2, "the offline source needs --policy-file or --trust-file");
    }
    boolean cluster = want.contains(SourceName.token) || want.contains(SourceName.pod);
    String r = region != null ? region : System.getenv().getOrDefault("AWS_REGION", "us-east-1");
    try (Clients c = new Clients(cluster ? kubernetes() : null, want, r)) {
      RoleArn role = role(sa, c.k8s);
      Target.Builder tb = Target.builder().serviceAccount(sa).role(role).region(r);
      OidcProvider provider = provider(trust, role, c.k8s);
      if (provider != null) {
        tb.provider(provider);
      }
      Verification v = Verification.of(tb.build(), checks);
      if (want.contains(SourceName.offline)) {
        OfflineSource.Builder ob = OfflineSource.builder();
        if (trust != null) {
          ob.trust(trust);
        }
        for (int i = 0; i < policies.size(); i++) {
          ob.addIdentityPolicy(Path.of(policyFiles.get(i)).getFileName().toString(), policies.get(i));
        }
        if (boundary != null) {
          ob.addPermissionsBoundary(Path.of(boundaryFile).getFileName().toString(), boundary);
        }
        v.addSource(ob.build());
      }
      if (want.contains(SourceName.account)) {
        v.addSource(AccountSource.using(c.iam));
      }
      if (want.contains(SourceName.token)) {
        v.addSource(TokenSource.builder().kubernetes(IrsaKubernetes.using(c.k8s)).sts(c.sts)
            .probeClients(ProbeClients.of(r, endpoint)).stsChecksTrust(!endpointChecksNoTrust).build());
      }
      if (want.contains(SourceName.pod)) {
        v.addSource(PodSource.of(IrsaKubernetes.using(c.k8s), pod, null, Duration.ofSeconds(60)));
      }
      return print(v.run());
    }
  }

  private int print(VerificationReport report) {
    if (output.junitXml != null) {
      try {
        Files.writeString(Path.of(output.junitXml), report.toJunitXml(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliException(2, output.junitXml + ": cannot write: " + e.getMessage());
      }
      System.out.println(report.summary());
    } else if (output.json) {
      System.out.println(report.toJson());
    } else {
      System.out.print(report.toTable());
    }
    return report.exitCode();
  }

  static ServiceAccountRef parseServiceAccount(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
      throw new CliException(2, "--service-account must be NAMESPACE:NAME, got: '" + text + "'");
    }
    try {
      return ServiceAccountRef.of(text.substring(0, colon), text.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new CliException(2, "--service-account: " + e.getMessage());
    }
  }

  private static PolicyDocument read(String file) {
    try {
      return PolicyDocument.fromJson(Io.read(file));
    } catch (PolicyParseException e) {
      throw new CliException(2, file + ": " + e.getMessage());
    }
  }

  private RoleArn role(ServiceAccountRef sa, KubernetesClient k8s) {
    String arn = roleArn;
    if (arn == null && k8s != null) {
      ServiceAccount found = k8s.serviceAccounts().inNamespace(sa.namespace()).withName(sa.name()).get();
      if (found != null && found.getMetadata().getAnnotations() != null) {
        arn = found.getMetadata().getAnnotations().get(EksAnnotations.ROLE_ARN);
      }
      if (arn == null) {
        throw new CliException(2, "service account " + sa + " has no " + EksAnnotations.ROLE_ARN + " annotation: pass --role-arn");
      }
    }
    if (arn == null) {
      throw new CliException(2, "give --role-arn ARN (or --context to read the service account's annotation)");
    }
    try {
      return RoleArn.parse(arn);
    } catch (IllegalArgumentException e) {
      throw new CliException(2, "role ARN: " + e.getMessage());
    }
  }

  private OidcProvider provider(PolicyDocument trust, RoleArn role, KubernetesClient k8s) {
    try {
      if (issuer != null) {
        return OidcProvider.fromIssuer(issuer, role.account());
      }
      if (trust != null) {
        for (Statement s : trust.statements()) {
          for (String id : s.principal().map(p -> p.ids(PrincipalType.FEDERATED)).orElse(List.of())) {
            if (id.contains(":oidc-provider/")) {
              return OidcProvider.fromArn(id);
            }
          }
        }
      }
      if (k8s != null) {
        return OidcProvider.fromIssuer(IrsaKubernetes.using(k8s).discoverIssuer().issuer(), role.account());
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(2, "OIDC provider: " + e.getMessage());
    }
    return null;
  }

  private KubernetesClient kubernetes() {
    Config config;
    if (kubeconfig != null) {
      config = Config.fromKubeconfig(context, Io.read(kubeconfig), kubeconfig);
    } else {
      config = Config.autoConfigure(context);
    }
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The clients this command builds, and closes. */
  private final class Clients implements AutoCloseable {
    final KubernetesClient k8s;
    final IamClient iam;
    final StsClient sts;

    Clients(KubernetesClient k8s, Set<SourceName> want, String region) {
      this.k8s = k8s;
      AwsClients aws = new AwsClients(Region.of(region), endpoint);
      this.iam = want.contains(SourceName.account) ? aws.iam() : null;
      this.sts = want.contains(SourceName.token) ? aws.sts() : null;
    }

    @Override
    public void close() {
      if (sts != null) {
        sts.close();
      }
      if (iam != null) {
        iam.close();
      }
      if (k8s != null) {
        k8s.close();
      }
    }
  }
}
