package dev.irsa.core.aws.internal;

import dev.irsa.core.arn.PolicyArn;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.aws.Change;
import dev.irsa.core.aws.Change.Action;
import dev.irsa.core.aws.ManagedPolicy;
import dev.irsa.core.aws.OidcProviderDeletion;
import dev.irsa.core.aws.OwnershipException;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.PrincipalType;
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
 * providers, which are kept while another role still trusts them unless forced. Anything irsa was not
 * asked to manage is kept and reported in a note.
 */
public final class Teardown {
  private final IamClient iam;
  private final ServiceAccountRole spec;
  private final List<Step> steps = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private RoleArn roleArn;
  private boolean deletesRole;

  private Teardown(IamClient iam, ServiceAccountRole spec) {
    this.iam = iam;
    this.spec = spec;
    this.roleArn = spec.roleArn();
  }

  public static Teardown plan(IamClient iam, ServiceAccountRole spec, OidcProviderDeletion providers) {
    Teardown t = new Teardown(iam, spec);
    t.planRole();
    for (ManagedPolicy p : spec.managedPolicies()) {
      t.planPolicy(spec.policyArn(p).toString());
    }
    if (providers != OidcProviderDeletion.KEEP) {
      for (OidcProvider p : spec.oidcProviders()) {
        t.planOidcProvider(p.arn(), providers == OidcProviderDeletion.FORCE);
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
    deletesRole = true;
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

  private void planOidcProvider(String arn, boolean force) {
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
    // Our role is deleted before the provider in this run: it does not keep the provider.
    List<String> trusting = rolesTrusting(arn, deletesRole ? spec.roleName() : null);
    if (!trusting.isEmpty() && !force) {
      notes.add(keptNote(arn, trusting));
      return;
    }
    String summary = trusting.isEmpty() ? "delete OIDC provider (no other role trusts it)"
        : "delete OIDC provider although " + String.join(", ", trusting) + " still trust it (they stop working)";
    add(Action.DELETE_OIDC_PROVIDER, arn, summary, () -> {
      if (!force) {
        List<String> now = rolesTrusting(arn, null);   // a role created since the plan keeps it too
        if (!now.isEmpty()) {
          notes.add(keptNote(arn, now));
          return false;
        }
      }
      return IamCalls.delete("DeleteOpenIDConnectProvider", arn,
          () -> iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)));
    });
  }

  private static String keptNote(String arn, List<String> trusting) {
    return "OIDC provider " + arn + " kept: still trusted by " + String.join(", ", trusting)
        + " (delete it anyway with OidcProviderDeletion.FORCE, CLI --force; those roles stop working)";
  }

  /**
   * The roles ({@code role ARN}) but {@code except} whose trust policy names {@code providerArn} as a
   * Federated principal in an Allow statement.
   */
  private List<String> rolesTrusting(String providerArn, String except) {
    List<String> out = new ArrayList<>();
    IamCalls.call("ListRoles", providerArn, () -> {
      iam.listRolesPaginator(r -> r.maxItems(1000)).roles().forEach(role -> {
        if (!role.roleName().equalsIgnoreCase(except) && trusts(role.assumeRolePolicyDocument(), providerArn)) {
          out.add("role " + role.arn());
        }
      });
      return null;
    });
    return out;
  }

  /**
   * Whether an Allow statement of a trust policy (as IAM returns it) names the provider as a Federated
   * principal; a document irsa cannot read counts as trusting when it mentions the provider's ARN, so
   * that doubt keeps the provider.
   */
  static boolean trusts(String trustPolicy, String providerArn) {
    if (trustPolicy == null) {
      return false;
    }
    String json = PolicyText.decode(trustPolicy);
    PolicyDocument doc;
    try {
      doc = PolicyDocument.fromJson(json);
    } catch (PolicyParseException e) {
      return json.contains(providerArn);
    }
    return doc.statements().stream().anyMatch(s -> s.isAllow()
        && s.principal().map(p -> p.ids(PrincipalType.FEDERATED).contains(providerArn)).orElse(false));
  }
}
