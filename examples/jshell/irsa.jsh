// irsa in JShell: the imports and a few helpers, so that the seed takes a handful of lines.
// Start:  jshell --class-path examples/target/irsa-examples.jar examples/jshell/irsa.jsh
// Then, for example:
//   var cluster = oidcProvider("https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "111122223333")
//   var sa = serviceAccount("irsa-demo", "aws-cli")
//   var policy = permissions().s3Read("irsa-demo-bucket").build()
//   var trust = irsaTrust().serviceAccount(cluster, sa).build()
//   lint(policy)                     lintTrust(trust)
//   var report = verifyOffline(sa, cluster, "irsa-demo-aws-cli", trust, policy, seedChecks("irsa-demo-bucket", null))
//   provision("http://127.0.0.1:5000", role(cluster, sa, "irsa-demo-aws-cli", policy))   // any endpoint, e.g. moto
//   doctor(sa, "kubectl.json", "iam.json", "oidc-providers.json", "cluster.json")        // files in the standard formats
import static dev.irsa.core.Irsa.*;
import dev.irsa.core.arn.*;
import dev.irsa.core.aws.*;
import dev.irsa.core.export.*;
import dev.irsa.core.lint.*;
import dev.irsa.core.policy.*;
import dev.irsa.core.trust.*;
import dev.irsa.verify.*;
import dev.irsa.verify.doctor.*;
import dev.irsa.verify.eval.*;
import dev.irsa.verify.expect.*;
import dev.irsa.verify.report.*;
import dev.irsa.verify.source.*;
import java.net.URI;
import java.nio.file.*;
import java.util.*;

/** The linter's findings on a permission policy, as a table. */
String lint(PolicyDocument policy) { return PolicyLinter.create().lint(policy, PolicyKind.IDENTITY).toTable(); }

/** The linter's findings on a trust policy, as a table. */
String lintTrust(PolicyDocument trust) { return PolicyLinter.create().lint(trust, PolicyKind.TRUST).toTable(); }

/** The seed's checks: the caller identity, S3 read on the bucket (a key), and DynamoDB describe when a table is given. */
Expectations seedChecks(String bucket, String tableArn) {
  Expectations.Builder b = Expectations.builder().callerIdentity().s3Read(bucket, "hello.txt");
  if (tableArn != null) {
    b.dynamoDbDescribe(tableArn);
  }
  return b.build();
}

/** Verifies {@code checks} offline for the role {@code roleName} in the cluster's account; prints the table. */
VerificationReport verifyOffline(ServiceAccountRef sa, OidcProvider cluster, String roleName, PolicyDocument trust,
    PolicyDocument policy, Expectations checks) {
  RoleArn role = RoleArn.of(cluster.partition(), cluster.account(), "/", roleName);
  VerificationReport r = Verification.of(Target.builder().serviceAccount(sa).role(role).provider(cluster).build(), checks)
      .addSource(OfflineSource.builder().trust(trust).addIdentityPolicy(roleName, policy).build()).run();
  System.out.println(r.toTable());
  return r;
}

/** The role {@code provision} makes: {@code roleName} trusting {@code sa}, with {@code policy} as its managed policy. */
ServiceAccountRole role(OidcProvider cluster, ServiceAccountRef sa, String roleName, PolicyDocument policy) {
  return ServiceAccountRole.builder().roleName(roleName).serviceAccount(cluster, sa).managedPolicy(roleName, policy).build();
}

/** Applies {@code role} in the IAM at {@code endpoint} (moto, or null for AWS with the default credentials); prints the changes. */
Plan provision(String endpoint, ServiceAccountRole role) {
  var b = software.amazon.awssdk.services.iam.IamClient.builder()
      .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
      .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create());
  if (endpoint != null) {
    b.endpointOverride(URI.create(endpoint)).region(software.amazon.awssdk.regions.Region.US_EAST_1);
  }
  try (var iam = b.build()) {
    Plan p = IamProvisioner.using(iam).apply(role);
    System.out.print(p);
    return p;
  }
}

/**
 * The doctor's verdict on {@code sa} from files in the standard formats: any number of
 * {@code kubectl get ... -o json} outputs, then {@code aws iam get-account-authorization-details}, the
 * OIDC providers array and {@code aws eks describe-cluster} (pass null for a file you do not have).
 */
dev.irsa.verify.doctor.Report doctor(ServiceAccountRef sa, String kubectl, String iam, String providers, String cluster) throws Exception {
  Snapshot.Builder b = Snapshot.builder();
  SnapshotFiles.addKubernetes(b, kubectl, Files.readString(Path.of(kubectl)));
  if (iam != null) SnapshotFiles.addIam(b, iam, Files.readString(Path.of(iam)));
  if (providers != null) SnapshotFiles.addOidcProviders(b, providers, Files.readString(Path.of(providers)));
  if (cluster != null) SnapshotFiles.addCluster(b, cluster, Files.readString(Path.of(cluster)));
  dev.irsa.verify.doctor.Report r = Doctor.create().diagnose(b.build(), sa);
  System.out.println(r.toTable());
  return r;
}

System.out.println("irsa ready: lint(p), lintTrust(t), seedChecks(bucket, tableArn), verifyOffline(sa, cluster, role, trust, policy, checks), role(...), provision(endpoint, role), doctor(sa, kubectl, iam, providers, cluster)");
