package dev.irsa.examples;

import dev.irsa.core.Irsa;
import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.policy.JsonFormat;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code walkthrough}: the seed scenario on embedded defaults. */
@Command(name = "walkthrough", mixinStandardHelpOptions = true,
    description = "Run the seed scenario on embedded defaults: least-privilege S3/DynamoDB access for one pod.")
final class WalkthroughCommand implements Callable<Integer> {
  @Option(names = "--bucket", defaultValue = Seed.BUCKET, description = "S3 bucket (default: ${DEFAULT-VALUE}).")
  String bucket;

  @Option(names = "--table", defaultValue = Seed.TABLE, description = "DynamoDB table (default: ${DEFAULT-VALUE}).")
  String table;

  @Option(names = "--json", description = "Print only the verification report, as JSON.")
  boolean json;

  @Option(names = "--offline", description = "Only the offline checks: no moto, no AWS CLI.")
  boolean offline;

  @Option(names = "--aws-endpoint", paramLabel = "URL",
      description = "An AWS endpoint to provision and verify against (moto), instead of starting moto on loopback.")
  java.net.URI awsEndpoint;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    String tableArn = DynamoDbArns.table(Seed.REGION, Seed.ACCOUNT, table);
    PolicyDocument policy = Permissions.builder().s3Read(bucket).dynamoDbDescribe(tableArn).build();
    OidcProvider cluster = OidcProvider.fromIssuer(Seed.ISSUER, Seed.ACCOUNT);
    ServiceAccountRef sa = ServiceAccountRef.of(Seed.NAMESPACE, Seed.SERVICE_ACCOUNT);
    PolicyDocument trust = IrsaTrust.of(cluster, sa);
    var checks = OfflineChecks.run(policy, trust, cluster, sa, RoleArn.of(Seed.ACCOUNT, Seed.ROLE), bucket, tableArn);
    if (json) {
      LiveStep.Outcome live = new LiveStep(null).run(bucket, table, offline, awsEndpoint);
      out.println(live.report().toJson());
      live.skipped().forEach(System.err::println);
      return checks.stream().allMatch(OfflineChecks.Check::ok) && live.intact() ? live.report().exitCode() : 1;
    }

    out.println("== 1. Permission policy (" + policy.iamSize() + " of 6,144 characters)");
    out.println(policy.toJson(JsonFormat.PRETTY));
    out.println();
    out.println("== 2. Trust policy for " + sa + " on " + cluster.issuerUrl() + " (" + trust.iamSize() + " of 2,048 characters)");
    out.println(trust.toJson(JsonFormat.PRETTY));
    out.println();
    out.println("== Lint: permission policy " + Irsa.lint(policy, PolicyKind.IDENTITY).summary()
        + "; trust policy " + Irsa.lint(trust, PolicyKind.TRUST).summary());
    out.println();
    out.println("== Offline checks (irsa-verify: the seed's five checks against the policies above, no AWS calls)");
    OfflineChecks.printTable(checks, out);
    out.println();
    ClusterStep clusterSteps = new ClusterStep(out);
    int clusterStep = clusterSteps.run("3. Cluster", RoleArn.of(Seed.ACCOUNT, Seed.ROLE));
    out.println();
    out.println("== 4. Verification (irsa-verify: the seed's checks from the offline, account, token and pod sources)");
    LiveStep.Outcome live = new LiveStep(out).run(bucket, table, offline, awsEndpoint);
    live.skipped().forEach(out::println);
    out.print(live.report().toTable());
    if (!live.afterwards().isEmpty()) {
      out.println(live.afterwards());
    }
    int doctor = clusterSteps.doctor == null ? 1 : DoctorStep.print(out, clusterSteps.doctor);
    boolean ok = checks.stream().allMatch(OfflineChecks.Check::ok) && live.intact() && live.report().passed();
    return ok && doctor == 0 ? clusterStep : 1;
  }
}
