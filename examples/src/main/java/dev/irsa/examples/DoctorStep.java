package dev.irsa.examples;

import dev.irsa.core.arn.DynamoDbArns;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.k8s.embedded.EmbeddedCluster;
import dev.irsa.verify.doctor.Doctor;
import dev.irsa.verify.doctor.IamRole;
import dev.irsa.verify.doctor.LiveCollector;
import dev.irsa.verify.doctor.ManagedPolicy;
import dev.irsa.verify.doctor.OidcProviderEntry;
import dev.irsa.verify.doctor.PermissionExpectation;
import dev.irsa.verify.doctor.Report;
import dev.irsa.verify.doctor.Snapshot;
import dev.irsa.verify.doctor.WebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The walkthrough's last word: the doctor's verdict on the seed's service account, with the cluster
 * side collected live from the embedded cluster and the account side as the walkthrough built it
 * (the seed's role, trust, managed policy and OIDC provider; no AWS call).
 */
final class DoctorStep {
  private DoctorStep() {}

  /** The doctor's report on the seed's service account, from the running embedded cluster. */
  static Report diagnose(EmbeddedCluster cluster, RoleArn role) {
    OidcProvider provider = OidcProvider.fromIssuer(Seed.ISSUER, role.account());
    ServiceAccountRef sa = ServiceAccountRef.of(Seed.NAMESPACE, Seed.SERVICE_ACCOUNT);
    String policyArn = "arn:aws:iam::" + role.account() + ":policy/" + role.name();
    String tableArn = DynamoDbArns.table(Seed.REGION, role.account(), Seed.TABLE);
    PolicyDocument policy = Permissions.builder().s3Read(Seed.BUCKET).dynamoDbDescribe(tableArn).build();
    // The embedded cluster runs the webhook inside its dispatcher; register its configuration as EKS does.
    cluster.client().admissionRegistration().v1().mutatingWebhookConfigurations().resource(
        new MutatingWebhookConfigurationBuilder().withNewMetadata().withName(WebhookConfiguration.EKS_CONFIGURATION)
            .endMetadata().addNewWebhook().withName(WebhookConfiguration.EKS_WEBHOOK)
            .withAdmissionReviewVersions("v1beta1").withSideEffects("None").endWebhook().build())
        .createOr(existing -> existing.update());
    Snapshot snapshot = LiveCollector.builder().kubernetes(cluster.client()).build().collect().toBuilder()
        .addRole(new IamRole(role.toString(), role.name(), IrsaTrust.of(provider, sa), List.of(policyArn), Map.of(),
            Optional.empty()))
        .addManagedPolicy(new ManagedPolicy(policyArn, role.name(), policy))
        .addOidcProvider(new OidcProviderEntry(provider.arn(), provider.conditionKeyPrefix(),
            List.of(OidcProvider.DEFAULT_AUDIENCE), List.of()))
        .build();
    Report r = Doctor.create().diagnose(snapshot, sa, null, List.of(
        PermissionExpectation.allowed("s3:ListBucket", "arn:aws:s3:::" + Seed.BUCKET),
        PermissionExpectation.denied("s3:DeleteObject", "arn:aws:s3:::" + Seed.BUCKET + "/hello.txt"),
        PermissionExpectation.allowed("dynamodb:DescribeTable", tableArn),
        PermissionExpectation.denied("dynamodb:DeleteTable", tableArn)));
    return r;
  }

  /** Prints the verdict (the walkthrough's last word); returns 0, or 1 when the doctor finds an ERROR. */
  static int print(PrintStream out, Report r) {
    ServiceAccountRef sa = ServiceAccountRef.of(Seed.NAMESPACE, Seed.SERVICE_ACCOUNT);
    out.println();
    out.println("== 5. Doctor's verdict on " + sa + " (cluster read live from the embedded cluster; role, trust, policy and "
        + "OIDC provider as built above): " + (r.findings().isEmpty() ? "no broken link found" : r.hasErrors()
        ? "broken" : "works, with warnings") + " (" + r.summary() + ")");
    r.findings().forEach(f -> out.println("  " + f));
    return r.hasErrors() ? 1 : 0;
  }
}
