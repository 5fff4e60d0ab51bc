package dev.irsa.core.aws;

import dev.irsa.core.aws.internal.IamCalls;
import dev.irsa.core.aws.internal.Reconciler;
import dev.irsa.core.aws.internal.Step;
import dev.irsa.core.aws.internal.Teardown;
import dev.irsa.core.internal.OptionalDependency;
import dev.irsa.core.trust.OidcProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Makes IAM match a {@link ServiceAccountRole}, idempotently: the clusters' OIDC providers, the
 * managed and inline policies, and the role with its IRSA trust policy. The direct equivalent of
 * {@code eksctl utils associate-iam-oidc-provider} plus {@code eksctl create iamserviceaccount
 * --role-only}, without CloudFormation.
 *
 * <pre>{@code
 * IamProvisioner iam = IamProvisioner.using(iamClient);       // the caller owns and closes the client
 * OidcProvider cluster = IamProvisioner.clusterOidcProvider(eksClient, "demo");
 * ServiceAccountRole role = ServiceAccountRole.builder()
 *     .roleName("irsa-demo-aws-cli")
 *     .serviceAccount(cluster, ServiceAccountRef.of("irsa-demo", "aws-cli"))
 *     .managedPolicy("irsa-demo-aws-cli", Permissions.builder().s3Read("my-bucket").build())
 *     .build();
 * Plan plan = iam.plan(role);      // read-only
 * Plan done = iam.apply(role);     // the changes made; a second apply makes none
 * }</pre>
 *
 * <p>Rules it keeps: it never removes a service account from a trust policy, never detaches or
 * deletes anything it was not asked to, and refuses to change a role or policy it did not create
 * (tagged {@value #OWNER_TAG_KEY}={@value #OWNER_TAG_VALUE}) unless {@link ServiceAccountRole#adopt()}.
 * Sizes are checked before writing. A run that fails midway leaves a state the next
 * {@link #apply} completes. Throttling is retried by the client's own retry strategy.
 *
 * <p>Concurrent applies to one role in one JVM are serialized. Across processes, a trust-policy
 * update reads, merges (keeping everything there), writes, and reads back after a settling pause,
 * merging and writing again when another writer's write dropped ours; it succeeds only when two
 * consecutive read-backs agree and trust every requested service account, and otherwise throws
 * {@link TrustNotConfirmedException} instead of reporting a change that did not hold. IAM has no
 * conditional write: a writer whose read-to-write gap spans both of our read-backs can still drop
 * ours unseen; the next apply restores it.
 */
public final class IamProvisioner {
  /** The tag key irsa puts on everything it creates. */
  public static final String OWNER_TAG_KEY = "irsa.dev/managed-by";
  /** The value of {@link #OWNER_TAG_KEY}. */
  public static final String OWNER_TAG_VALUE = "irsa";

  private static final int ATTEMPTS_ON_RACE = 3;
  private static final ReentrantLock[] LOCKS = new ReentrantLock[64];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new ReentrantLock();
    }
  }

  private final IamClient iam;

  private IamProvisioner(IamClient iam) {
    this.iam = Objects.requireNonNull(iam, "iam");
  }

  /**
   * A provisioner on the caller's client; it is never closed here.
   *
   * @throws IllegalStateException when {@code software.amazon.awssdk:iam} (optional) is not on the class path
   */
  public static IamProvisioner using(IamClient iam) {
    OptionalDependency.require("IamProvisioner", "software.amazon.awssdk:iam", "irsa-core",
        "software.amazon.awssdk.services.iam.IamClient", IamProvisioner.class.getClassLoader());
    return new IamProvisioner(iam);
  }

  /**
   * The OIDC provider of an EKS cluster: its issuer from DescribeCluster, in the cluster's account.
   *
   * @throws ProvisioningException when the cluster does not exist or has no OIDC issuer
   * @throws IllegalStateException when {@code software.amazon.awssdk:eks} (optional) is not on the class path
   */
  public static OidcProvider clusterOidcProvider(EksClient eks, String clusterName) {
    OptionalDependency.require("IamProvisioner.clusterOidcProvider", "software.amazon.awssdk:eks", "irsa-core",
        "software.amazon.awssdk.services.eks.EksClient", IamProvisioner.class.getClassLoader());
    String resource = "cluster/" + clusterName;
    Cluster cluster;
    try {
      cluster = eks.describeCluster(r -> r.name(clusterName)).cluster();
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      throw IamCalls.wrap("DescribeCluster", resource, e);
    }
    if (cluster.identity() == null || cluster.identity().oidc() == null || cluster.identity().oidc().issuer() == null) {
      throw new ProvisioningException("DescribeCluster", cluster.arn(), null,
          "EKS cluster " + cluster.arn() + " has no OIDC issuer", null);
    }
    dev.irsa.core.arn.Arn arn = dev.irsa.core.arn.Arn.parse(cluster.arn());
    return OidcProvider.fromIssuer(cluster.identity().oidc().issuer(), arn.account(), arn.partition());
  }

  /**
   * What {@link #apply} would change, calling read APIs only.
   *
   * @throws OwnershipException when a role or policy of that name exists that irsa did not create
   * @throws dev.irsa.core.policy.PolicySizeException when the merged trust policy would exceed the quota
   * @throws ProvisioningException when a read fails
   */
  public Plan plan(ServiceAccountRole role) {
    Reconciler r = Reconciler.plan(iam, role);
    return new Plan(r.roleArn(), r.steps().stream().map(Step::change).toList(), r.notes());
  }

  /**
   * Makes IAM match {@code role} and returns the changes made; empty when IAM already matched, in
   * which case no write call was made. When another writer created the role or policy between the
   * plan and the write, it plans again (up to 3 times).
   *
   * @throws OwnershipException when a role or policy of that name exists that irsa did not create
   * @throws dev.irsa.core.policy.PolicySizeException when the merged trust policy would exceed the quota
   * @throws TrustNotConfirmedException when concurrent writers dropped the requested service accounts
   *     from the trust policy again after its last write, or kept changing it (run apply again)
   * @throws ProvisioningException when an IAM call fails; what was done so far stays, and the next
   *     apply continues from there
   */
  public Plan apply(ServiceAccountRole role) {
    ReentrantLock lock = lockFor(role.roleName());
    lock.lock();
    try {
      List<Change> done = new ArrayList<>();
      for (int attempt = 1; ; attempt++) {
        Reconciler r = Reconciler.plan(iam, role);
        try {
          run(r.steps(), done);
          return new Plan(r.roleArn(), done, r.notes());
        } catch (ProvisioningException e) {
          if (attempt >= ATTEMPTS_ON_RACE || !e.errorCode().filter("EntityAlreadyExists"::equals).isPresent()) {
            throw e;
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * What {@link #teardown} would delete, calling read APIs only.
   *
   * @param oidcProviders also delete the clusters' OIDC providers irsa created, unless a role the
   *     teardown does not delete still trusts them ({@link OidcProviderDeletion#UNLESS_TRUSTED})
   * @throws OwnershipException when the role or a policy exists that irsa did not create
   */
  public Plan planTeardown(ServiceAccountRole role, boolean oidcProviders) {
    return planTeardown(role, oidcProviders ? OidcProviderDeletion.UNLESS_TRUSTED : OidcProviderDeletion.KEEP);
  }

  /**
   * What {@link #teardown} would delete, calling read APIs only.
   *
   * @param providers what to do with the clusters' OIDC providers
   * @throws OwnershipException when the role or a policy exists that irsa did not create
   */
  public Plan planTeardown(ServiceAccountRole role, OidcProviderDeletion providers) {
    Teardown t = Teardown.plan(iam, role, Objects.requireNonNull(providers, "providers"));
    return new Plan(t.roleArn(), t.steps().stream().map(Step::change).toList(), t.notes());
  }

  /**
   * Deletes what {@link #apply} created for {@code role}, in the order IAM requires, tolerating what
   * is already gone. Keeps, and notes, a role that still has policies or instance profiles irsa was
   * not asked to manage and a policy still attached elsewhere.
   *
   * @param oidcProviders also delete the clusters' OIDC providers irsa created, unless a role the
   *     teardown does not delete still trusts them ({@link OidcProviderDeletion#UNLESS_TRUSTED})
   * @throws OwnershipException when the role or a policy exists that irsa did not create
   */
  public Plan teardown(ServiceAccountRole role, boolean oidcProviders) {
    return teardown(role, oidcProviders ? OidcProviderDeletion.UNLESS_TRUSTED : OidcProviderDeletion.KEEP);
  }

  /**
   * Deletes what {@link #apply} created for {@code role}, as {@link #teardown(ServiceAccountRole, boolean)},
   * and the clusters' OIDC providers as {@code providers} says: a provider kept because roles still
   * trust it is noted with their ARNs (the teardown needs {@code iam:ListRoles} to find them).
   *
   * @throws OwnershipException when the role or a policy exists that irsa did not create
   */
  public Plan teardown(ServiceAccountRole role, OidcProviderDeletion providers) {
    Objects.requireNonNull(providers, "providers");
    ReentrantLock lock = lockFor(role.roleName());
    lock.lock();
    try {
      Teardown t = Teardown.plan(iam, role, providers);
      List<Change> done = new ArrayList<>();
      run(t.steps(), done);
      return new Plan(t.roleArn(), done, t.notes());
    } finally {
      lock.unlock();
    }
  }

  private static void run(List<Step> steps, List<Change> done) {
    for (Step s : steps) {
      if (s.action().run()) {
        done.add(s.change());
      }
    }
  }

  private static ReentrantLock lockFor(String roleName) {
    return LOCKS[Math.floorMod(roleName.hashCode(), LOCKS.length)];
  }

  @Override
  public String toString() {
    return "IamProvisioner";
  }
}
