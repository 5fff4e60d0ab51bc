package dev.irsa.core.aws;

import static dev.irsa.core.aws.IamProvisionerIT.API;
import static dev.irsa.core.aws.IamProvisionerIT.CLUSTER;
import static dev.irsa.core.aws.IamProvisionerIT.CLUSTER_2;
import static dev.irsa.core.aws.IamProvisionerIT.READ;
import static dev.irsa.core.aws.IamProvisionerIT.ROLE_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.aws.Change.Action;
import dev.irsa.core.trust.ServiceAccountRef;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Issue 14, item 14: {@code teardown} with the OIDC provider keeps the provider while a role it does
 * not delete still trusts it (deleting it would break that role), unless forced.
 */
@Moto
class OidcProviderTeardownIT {
  static final String ORDERS_ARN = "arn:aws:iam::123456789012:role/orders-api";

  private final MotoServer moto;
  private IamClient iam;
  private IamProvisioner provisioner;

  OidcProviderTeardownIT(MotoServer moto) {
    this.moto = moto;
  }

  @BeforeEach
  void clients() {
    iam = moto.iam();
    provisioner = IamProvisioner.using(iam);
  }

  @AfterEach
  void close() {
    iam.close();
  }

  static ServiceAccountRole payments() {
    return ServiceAccountRole.builder().roleName("payments-api").serviceAccount(CLUSTER, API)
        .managedPolicy("payments-api", READ).build();
  }

  static ServiceAccountRole orders() {
    return ServiceAccountRole.builder().roleName("orders-api").serviceAccount(CLUSTER, ServiceAccountRef.of("orders", "api"))
        .build();
  }

  private List<String> providers() {
    return iam.listOpenIDConnectProviders().openIDConnectProviderList().stream().map(p -> p.arn()).toList();
  }

  private static List<Action> actions(Plan plan) {
    return plan.changes().stream().map(Change::action).toList();
  }

  @Test
  void aProviderAnotherRoleStillTrustsIsKeptAndThatRoleIsNamed() {
    // Given two irsa roles trusting the cluster, and a role trusting another cluster
    provisioner.apply(payments());
    provisioner.apply(orders());
    provisioner.apply(ServiceAccountRole.builder().roleName("elsewhere").serviceAccount(CLUSTER_2, API).build());

    // When tearing down payments-api with its OIDC provider
    Plan plan = provisioner.planTeardown(payments(), true);
    Plan done = provisioner.teardown(payments(), true);

    // Then the role and policy are gone but the provider stays, and the note says which role keeps it
    assertThat(actions(plan)).containsExactly(Action.DETACH_POLICY, Action.DELETE_ROLE, Action.DELETE_POLICY);
    assertThat(done.changes()).isEqualTo(plan.changes());
    assertThat(done.notes()).containsExactly("OIDC provider " + CLUSTER.arn() + " kept: still trusted by role "
        + ORDERS_ARN + " (delete it anyway with OidcProviderDeletion.FORCE, CLI --force; those roles stop working)");
    assertThat(providers()).containsExactlyInAnyOrder(CLUSTER.arn(), CLUSTER_2.arn());

    // and once the last role trusting it is torn down, so is the provider
    Plan last = provisioner.teardown(orders(), OidcProviderDeletion.UNLESS_TRUSTED);
    assertThat(last.changes()).extracting(Change::summary).containsExactly("delete role orders-api",
        "delete OIDC provider (no other role trusts it)");
    assertThat(providers()).containsExactly(CLUSTER_2.arn());
  }

  @Test
  void aRoleIrsaDidNotCreateKeepsItToo() {
    // Given our role trusting two clusters, a role created by hand trusting the first, and one trusting the
    // second with a document irsa cannot read ("allow": IAM's create-role stores it as given in moto);
    // doubt keeps the provider
    ServiceAccountRole both = ServiceAccountRole.builder().roleName("payments-api").serviceAccount(CLUSTER, API)
        .serviceAccount(CLUSTER_2, API).managedPolicy("payments-api", READ).build();
    provisioner.apply(both);
    iam.createRole(r -> r.roleName("by-hand").assumeRolePolicyDocument("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
          "Principal": {"Federated": "%s"}}]}""".formatted(CLUSTER.arn())));
    iam.createRole(r -> r.roleName("unreadable").assumeRolePolicyDocument("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Principal": {"Federated": "%s"}}]}"""
        .formatted(CLUSTER_2.arn())));

    // When tearing down with the providers
    Plan done = provisioner.teardown(both, true);

    // Then neither provider is deleted
    assertThat(actions(done)).containsExactly(Action.DETACH_POLICY, Action.DELETE_ROLE, Action.DELETE_POLICY);
    assertThat(done.notes()).containsExactly(
        "OIDC provider " + CLUSTER.arn() + " kept: still trusted by role arn:aws:iam::123456789012:role/by-hand "
            + "(delete it anyway with OidcProviderDeletion.FORCE, CLI --force; those roles stop working)",
        "OIDC provider " + CLUSTER_2.arn() + " kept: still trusted by role arn:aws:iam::123456789012:role/unreadable "
            + "(delete it anyway with OidcProviderDeletion.FORCE, CLI --force; those roles stop working)");
    assertThat(providers()).containsExactlyInAnyOrder(CLUSTER.arn(), CLUSTER_2.arn());
  }

  @Test
  void ourRoleKeptForPoliciesIrsaDoesNotManageKeepsTheProvider() {
    // Given our role, to which someone attached another policy
    provisioner.apply(payments());
    String foreign = iam.createPolicy(r -> r.policyName("foreign").policyDocument(READ.toJson())).policy().arn();
    iam.attachRolePolicy(r -> r.roleName("payments-api").policyArn(foreign));

    // When tearing down with the provider
    Plan done = provisioner.teardown(payments(), true);

    // Then the role stays, and so does the provider it trusts
    assertThat(actions(done)).containsExactly(Action.DETACH_POLICY, Action.DELETE_POLICY);
    assertThat(done.notes()).contains("OIDC provider " + CLUSTER.arn() + " kept: still trusted by role " + ROLE_ARN
        + " (delete it anyway with OidcProviderDeletion.FORCE, CLI --force; those roles stop working)");
    assertThat(providers()).containsExactly(CLUSTER.arn());
  }

  @Test
  void forceDeletesItAndNamesTheRolesThatStopWorking() {
    // Given two irsa roles trusting the cluster
    provisioner.apply(payments());
    provisioner.apply(orders());

    // When tearing down payments-api, forcing the provider's deletion
    Plan done = provisioner.teardown(payments(), OidcProviderDeletion.FORCE);

    // Then it is deleted, and the change says who loses access
    assertThat(done.changes(Action.DELETE_OIDC_PROVIDER)).extracting(Change::summary).containsExactly(
        "delete OIDC provider although role " + ORDERS_ARN + " still trust it (they stop working)");
    assertThat(providers()).isEmpty();
  }

  @Test
  void aRoleCreatedBetweenThePlanAndTheDeletionKeepsIt() {
    // Given our role alone, and another writer that creates a role trusting the cluster right after our DeleteRole
    provisioner.apply(payments());
    ExecutionInterceptor createsOrders = new ExecutionInterceptor() {
      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if ("DeleteRole".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
          provisioner.apply(orders());
        }
      }
    };
    try (IamClient racing = moto.iam(createsOrders)) {

      // When tearing down with the provider
      Plan done = IamProvisioner.using(racing).teardown(payments(), true);

      // Then the check just before the deletion found the new role and kept the provider
      assertThat(actions(done)).containsExactly(Action.DETACH_POLICY, Action.DELETE_ROLE, Action.DELETE_POLICY);
      assertThat(done.notes()).containsExactly("OIDC provider " + CLUSTER.arn() + " kept: still trusted by role "
          + ORDERS_ARN + " (delete it anyway with OidcProviderDeletion.FORCE, CLI --force; those roles stop working)");
      assertThat(providers()).containsExactly(CLUSTER.arn());
    }
  }
}
