package dev.irsa.core.aws.internal;

import dev.irsa.core.arn.PolicyArn;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.aws.Change;
import dev.irsa.core.aws.Change.Action;
import dev.irsa.core.aws.ManagedPolicy;
import dev.irsa.core.aws.OwnershipException;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.trust.OidcProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Plans the removal of what {@link Reconciler} created, in the order IAM requires: detach the
 * requested managed policies and delete the requested inline policies, delete the role, delete the
 * managed policies' non-default versions and then the policies, and (only on request) the OIDC
 * providers. Anything irsa was not asked to manage is kept and reported in a note.
 */
public final class Teardown {
  private final IamClient iam;
  private final ServiceAccountRole spec;
  private final List<Step> steps = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private RoleArn roleArn;

  private Teardown(IamClient iam, ServiceAccountRole spec) {
    this.iam = iam;
    this.spec = spec;
    this.roleArn = spec.roleArn();
  }

  public static Teardown plan(IamClient iam, ServiceAccountRole spec, boolean oidcProviders) {
    Teardown t = new Teardown(iam, spec);
    t.planRole();
    for (ManagedPolicy p : spec.managedPolicies()) {
      t.planPolicy(spec.policyArn(p).toString());
    }
    if (oidcProviders) {
      for (OidcProvider p : spec.oidcProviders()) {
        t.planOidcProvider(p.arn());
      }
    }
    return t;
  }

  public List<Step> steps() {
    return steps;
  }

  public List<String> notes() {
    return notes;
  }

  public RoleArn roleArn() {
    return roleArn;
  }

  private void add(Action action, String resource, String summary, Step.Action run) {
    steps.add(new Step(new Change(action, resource, summary, Optional.empty(), Optional.empty()), run));
  }

  private void planRole() {
    String name = spec.roleName();
    Optional<Role> role = IamCalls.find("GetRole", roleArn.toString(), () -> iam.getRole(r -> r.roleName(name)).role());
    if (role.isEmpty()) {
      notes.add("role " + roleArn + " does not exist");
      return;
    }
    roleArn = RoleArn.parse(role.get().arn());
    String arn = roleArn.toString();
    if (!Reconciler.owned(role.get().tags()) && !spec.adopt()) {
      throw new OwnershipException("GetRole", arn, "role");
    }
    Set<String> attached = new LinkedHashSet<>();
    IamCalls.call("ListAttachedRolePolicies", arn, () -> {
      iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()
          .forEach(p -> attached.add(p.policyArn()));
      return null;
    });
    for (PolicyArn p : spec.policiesToAttach()) {
      String pa = p.toString();
      if (attached.remove(pa)) {
        add(Action.DETACH_POLICY, arn, "detach " + pa, () -> IamCalls.delete("DetachRolePolicy", arn,
            () -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(pa))));
      }
    }
    Set<String> inline = new LinkedHashSet<>();
    IamCalls.call("ListRolePolicies", arn, () -> {
      iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames().forEach(inline::add);
      return null;
    });
    for (String policyName : spec.inlinePolicies().keySet()) {
      if (inline.remove(policyName)) {
        add(Action.DELETE_INLINE_POLICY, arn, "delete inline policy " + policyName, () -> IamCalls.delete(
            "DeleteRolePolicy", arn, () -> iam.deleteRolePolicy(r -> r.roleName(name).policyName(policyName))));
      }
    }
    List<String> profiles = new ArrayList<>();
    IamCalls.call("ListInstanceProfilesForRole", arn, () -> {
      iam.listInstanceProfilesForRolePaginator(r -> r.roleName(name)).instanceProfiles()
          .forEach(p -> profiles.add(p.arn()));
      return null;
    });
    if (!attached.isEmpty() || !inline.isEmpty() || !profiles.isEmpty()) {
      List<String> foreign = new ArrayList<>();
      attached.forEach(p -> foreign.add("attached policy " + p));
      inline.forEach(p -> foreign.add("inline policy " + p));
      profiles.forEach(p -> foreign.add("instance profile " + p));
      notes.add("role " + arn + " kept: it still has " + String.join(", ", foreign)
          + " that irsa was not asked to manage");
      return;
    }
    add(Action.DELETE_ROLE, arn, "delete role " + name, () -> IamCalls.delete("DeleteRole", arn,
        () -> iam.deleteRole(r -> r.roleName(name))));
  }

  private void planPolicy(String arn) {
    var policy = IamCalls.find("GetPolicy", arn, () -> iam.getPolicy(r -> r.policyArn(arn)).policy());
    if (policy.isEmpty()) {
      notes.add("managed policy " + arn + " does not exist");
      return;
    }
    if (!Reconciler.owned(policy.get().tags()) && !spec.adopt()) {
      throw new OwnershipException("GetPolicy", arn, "managed policy");
    }
    ListEntitiesForPolicyResponse users = IamCalls.call("ListEntitiesForPolicy", arn,
        () -> iam.listEntitiesForPolicy(r -> r.policyArn(arn)));
    List<String> others = new ArrayList<>();
    users.policyRoles().forEach(r -> {
      if (!r.roleName().equals(spec.roleName())) {
        others.add("role " + r.roleName());
      }
    });
    users.policyUsers().forEach(u -> others.add("user " + u.userName()));
    users.policyGroups().forEach(g -> others.add("group " + g.groupName()));
    if (!others.isEmpty()) {
      notes.add("managed policy " + arn + " kept: still attached to " + String.join(", ", others));
      return;
    }
    List<PolicyVersion> versions = IamCalls.call("ListPolicyVersions", arn,
        () -> iam.listPolicyVersions(r -> r.policyArn(arn))).versions();
    for (PolicyVersion v : versions) {
      if (!v.isDefaultVersion()) {
        String vid = v.versionId();
        add(Action.DELETE_POLICY_VERSION, arn, "delete non-default version " + vid,
            () -> IamCalls.delete("DeletePolicyVersion", arn, () -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(vid))));
      }
    }
    add(Action.DELETE_POLICY, arn, "delete managed policy", () -> IamCalls.delete("DeletePolicy", arn,
        () -> iam.deletePolicy(r -> r.policyArn(arn))));
  }

  private void planOidcProvider(String arn) {
    var provider = IamCalls.find("GetOpenIDConnectProvider", arn,
        () -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)));
    if (provider.isEmpty()) {
      notes.add("OIDC provider " + arn + " does not exist");
      return;
    }
    if (!Reconciler.owned(provider.get().tags())) {
      notes.add("OIDC provider " + arn + " kept: irsa did not create it");
      return;
    }
    add(Action.DELETE_OIDC_PROVIDER, arn, "delete OIDC provider (every role trusting this cluster's service "
        + "accounts stops working)", () -> IamCalls.delete("DeleteOpenIDConnectProvider", arn,
            () -> iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn))));
  }
}
