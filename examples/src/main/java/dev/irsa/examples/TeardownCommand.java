package dev.irsa.examples;

import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.OidcProviderDeletion;
import dev.irsa.core.aws.ProvisioningException;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.OidcProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iam.IamClient;

/** {@code teardown ...}: delete what {@code provision} created. */
@Command(name = "teardown", mixinStandardHelpOptions = true,
    description = {"Delete what provision created for a service account: detach and delete its managed policy, "
        + "delete the role (kept when it has policies irsa did not attach), and with --oidc-provider the "
        + "cluster's OIDC provider if irsa created it and no role that is kept still trusts it (--force: even then). "
        + "Things already gone are skipped.",
        "Exit 0 on success, 1 when IAM refuses or fails, 2 on bad input."})
final class TeardownCommand implements Callable<Integer> {
  /** Teardown deletes by name; the document is never sent. */
  private static final PolicyDocument UNUSED =
      PolicyDocument.of(dev.irsa.core.policy.Statement.builder().allow().addAction("none:None").addResource("*").build());

  @Mixin
  AwsOptions aws;

  @Option(names = "--oidc-provider", description = "Also delete the cluster's OIDC provider (only if irsa created it).")
  boolean oidcProvider;

  @Option(names = "--force", description = "With --oidc-provider: delete the provider even when other roles still "
      + "trust it (they stop working).")
  boolean force;

  @Override
  public Integer call() {
    if (force && !oidcProvider) {
      throw new CliException(2, "--force applies only with --oidc-provider");
    }
    OidcProviderDeletion providers = !oidcProvider ? OidcProviderDeletion.KEEP
        : force ? OidcProviderDeletion.FORCE : OidcProviderDeletion.UNLESS_TRUSTED;
    OidcProvider provider = aws.provider();
    ServiceAccountRole role = aws.role(provider).addManagedPolicy(AwsOptions.managedPolicy(aws.policyName(), UNUSED))
        .build();
    try (IamClient iam = aws.iam()) {
      IamProvisioner provisioner = IamProvisioner.using(iam);
      if (aws.plan) {
        aws.print("teardown plan for", provisioner.planTeardown(role, providers));
      } else {
        aws.print("torn down", provisioner.teardown(role, providers));
      }
      return 0;
    } catch (ProvisioningException e) {
      throw new CliException(1, e.getMessage());
    }
  }
}
