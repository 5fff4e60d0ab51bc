package dev.irsa.examples;

import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.Plan;
import dev.irsa.core.aws.ProvisioningException;
import dev.irsa.core.aws.ServiceAccountRole;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.iam.IamClient;

/** {@code provision ...}: the cluster's OIDC provider, a managed policy and the role for one service account. */
@Command(name = "provision", mixinStandardHelpOptions = true,
    description = {"Create or update, idempotently, the IAM OIDC provider of a cluster, a managed policy and the role "
        + "a service account assumes (IRSA). Prints the changes made, or with --plan the changes it would make.",
        "Exit 0 on success, 1 when IAM refuses or fails or a concurrent writer dropped the trust update (run "
            + "again), 2 on bad input."})
final class ProvisionCommand implements Callable<Integer> {
  @Mixin
  RoleOptions options;

  @Override
  public Integer call() {
    ServiceAccountRole role = options.role();
    AwsOptions aws = options.aws;
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
