package dev.irsa.core.aws.internal;

import dev.irsa.core.arn.PolicyArn;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.aws.Change;
import dev.irsa.core.aws.Change.Action;
import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.ManagedPolicy;
import dev.irsa.core.aws.OwnershipException;
import dev.irsa.core.aws.ProvisioningException;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.aws.Thumbprint;
import dev.irsa.core.aws.TrustNotConfirmedException;
import dev.irsa.core.aws.TrustedServiceAccount;
import dev.irsa.core.internal.Quote;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLSocketFactory;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Reads IAM (read APIs only) and works out the steps that make it match a
 * {@link ServiceAccountRole}; each step re-checks what it can when it runs, so a run interrupted
 * anywhere is completed by the next one.
 */
public final class Reconciler {
  /** At most this many writes of one trust-policy update (the first and the re-merges after lost updates). */
  static final int TRUST_WRITES = 5;
  /** At most this many reads of one trust-policy update (the first read and the read-backs). */
  static final int TRUST_READS = 12;
  /** The shortest pause before reading a trust policy back, in milliseconds. */
  static final long SETTLE_MILLIS = 150;

  private final IamClient iam;
  private final ServiceAccountRole spec;
  private final List<Step> steps = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private RoleArn roleArn;

  private Reconciler(IamClient iam, ServiceAccountRole spec) {
    this.iam = iam;
    this.spec = spec;
    this.roleArn = spec.roleArn();
  }

  /** Plans the steps for {@code spec}. */
  public static Reconciler plan(IamClient iam, ServiceAccountRole spec) {
    Reconciler r = new Reconciler(iam, spec);
    if (spec.manageOidcProviders()) {
      for (OidcProvider p : spec.oidcProviders()) {
        r.planOidcProvider(p);
      }
    }
    for (ManagedPolicy p : spec.managedPolicies()) {
      r.planManagedPolicy(p);
    }
    r.planRole();
    return r;
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

  private void add(Action action, String resource, String summary, PolicyDocument before, PolicyDocument after,
      Step.Action run) {
    steps.add(new Step(new Change(action, resource, summary, Optional.ofNullable(before), Optional.ofNullable(after)), run));
  }

  // ---- OIDC provider

  private void planOidcProvider(OidcProvider p) {
    String arn = p.arn();
    Optional<GetOpenIdConnectProviderResponse> existing = IamCalls.find("GetOpenIDConnectProvider", arn,
        () -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)));
    String audience = spec.audience();
    if (existing.isEmpty()) {
      Thumbprint t = spec.thumbprint();
      String how = switch (t.mode()) {
        case OMIT -> "no thumbprint";
        case SUPPLIED -> "thumbprint " + String.join(", ", t.values());
        case FROM_ISSUER -> "thumbprint from the issuer's TLS chain when reachable";
      };
      add(Action.CREATE_OIDC_PROVIDER, arn, "create the OIDC provider for " + p.issuerUrl() + " with client ID "
          + audience + ", " + how, null, null, () -> {
            List<String> thumbprints = thumbprints(p, t);
            IamCalls.call("CreateOpenIDConnectProvider", arn, () -> iam.createOpenIDConnectProvider(r -> r
                .url(p.issuerUrl()).clientIDList(audience).thumbprintList(thumbprints).tags(tags())));
            return true;
          });
      return;
    }
    List<String> clientIds = existing.get().clientIDList();
    if (clientIds.contains(audience)) {
      notes.add("OIDC provider " + arn + " exists with client ID " + audience + "; left unchanged");
      return;
    }
    add(Action.ADD_OIDC_AUDIENCE, arn, "add client ID " + audience + " to the existing OIDC provider (has "
        + clientIds + ")", null, null, () -> {
          IamCalls.call("AddClientIDToOpenIDConnectProvider", arn,
              () -> iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID(audience)));
          return true;
        });
  }

  private List<String> thumbprints(OidcProvider p, Thumbprint t) {
    return switch (t.mode()) {
      case OMIT -> List.of();
      case SUPPLIED -> t.values();
      case FROM_ISSUER -> {
        try {
          yield List.of(Thumbprints.fromIssuer(p.issuerUrl(), (SSLSocketFactory) SSLSocketFactory.getDefault(), 5_000));
        } catch (IOException e) {
          notes.add("thumbprint of " + p.issuerUrl() + " not computed (" + e.getMessage()
              + "); provider created without one (IAM trusts well-known root CAs)");
          yield List.of();
        }
      }
    };
  }

  // ---- managed policies

  private void planManagedPolicy(ManagedPolicy policy) {
    PolicyArn arn = spec.policyArn(policy);
    String a = arn.toString();
    var existing = IamCalls.find("GetPolicy", a, () -> iam.getPolicy(r -> r.policyArn(a)).policy());
    PolicyDocument wanted = policy.document();
    if (existing.isEmpty()) {
      add(Action.CREATE_POLICY, a, "create managed policy " + policy.name(), null, wanted, () -> {
        IamCalls.call("CreatePolicy", a, () -> iam.createPolicy(r -> {
          r.policyName(policy.name()).path(policy.path()).policyDocument(wanted.toJson()).tags(tags());
          policy.description().ifPresent(r::description);
        }));
        return true;
      });
      return;
    }
    var p = existing.get();
    boolean owned = owned(p.tags());
    String defaultVersion = p.defaultVersionId();
    PolicyDocument current = PolicyText.parse("GetPolicyVersion", a, IamCalls.call("GetPolicyVersion", a,
        () -> iam.getPolicyVersion(r -> r.policyArn(a).versionId(defaultVersion))).policyVersion().document());
    if (current.equals(wanted)) {
      if (!owned) {
        checkAdoptable("GetPolicy", a, "managed policy");
        planAdoptPolicy(a);
      }
      notes.add("managed policy " + a + " is up to date (" + defaultVersion + ")");
      return;
    }
    if (!owned) {
      checkAdoptable("GetPolicy", a, "managed policy");
      planAdoptPolicy(a);
    }
    List<PolicyVersion> versions = IamCalls.call("ListPolicyVersions", a,
        () -> iam.listPolicyVersions(r -> r.policyArn(a))).versions();
    if (versions.size() >= 5) {
      PolicyVersion oldest = versions.stream().filter(v -> !v.isDefaultVersion())
          .min(Comparator.comparing(PolicyVersion::createDate).thenComparing(v -> versionNumber(v.versionId())))
          .orElseThrow();
      String vid = oldest.versionId();
      add(Action.DELETE_POLICY_VERSION, a, "delete the oldest non-default version " + vid
          + " (a managed policy keeps at most 5 versions)", null, null, () -> IamCalls.delete("DeletePolicyVersion", a,
              () -> iam.deletePolicyVersion(r -> r.policyArn(a).versionId(vid))));
    }
    add(Action.CREATE_POLICY_VERSION, a, "new default version of " + policy.name() + " (was " + defaultVersion + ")",
        current, wanted, () -> {
          IamCalls.call("CreatePolicyVersion", a,
              () -> iam.createPolicyVersion(r -> r.policyArn(a).policyDocument(wanted.toJson()).setAsDefault(true)));
          return true;
        });
  }

  private static int versionNumber(String versionId) {
    try {
      return Integer.parseInt(versionId.substring(1));
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }

  private void planAdoptPolicy(String arn) {
    add(Action.ADOPT_POLICY, arn, "adopt: tag " + IamProvisioner.OWNER_TAG_KEY + "=" + IamProvisioner.OWNER_TAG_VALUE,
        null, null, () -> {
          IamCalls.call("TagPolicy", arn, () -> iam.tagPolicy(r -> r.policyArn(arn).tags(ownerTag())));
          return true;
        });
  }

  // ---- role

  private void planRole() {
    String name = spec.roleName();
    Optional<Role> existing = IamCalls.find("GetRole", roleArn.toString(), () -> iam.getRole(r -> r.roleName(name)).role());
    if (existing.isEmpty()) {
      planNewRole();
      return;
    }
    Role role = existing.get();
    roleArn = RoleArn.parse(role.arn());
    String arn = roleArn.toString();
    if (!role.path().equals(spec.path())) {
      notes.add("role " + arn + " exists at path " + role.path() + ", not " + spec.path()
          + " as requested; IAM cannot move a role, keeping it there");
    }
    if (!owned(role.tags())) {
      checkAdoptable("GetRole", arn, "role");
      add(Action.ADOPT_ROLE, arn, "adopt: tag " + IamProvisioner.OWNER_TAG_KEY + "=" + IamProvisioner.OWNER_TAG_VALUE,
          null, null, () -> {
            IamCalls.call("TagRole", arn, () -> iam.tagRole(r -> r.roleName(name).tags(ownerTag())));
            return true;
          });
    }
    planTrust(arn, PolicyText.parse("GetRole", arn, role.assumeRolePolicyDocument()));
    planRoleSettings(role, arn);
    planAttachments(arn, false);
    planInlinePolicies(arn, false);
  }

  private void planNewRole() {
    String arn = roleArn.toString();
    PolicyDocument trust = spec.trustPolicy();
    add(Action.CREATE_ROLE, arn, "create role " + spec.roleName() + " trusting " + subjects(spec.serviceAccounts()),
        null, trust, () -> {
          IamCalls.call("CreateRole", arn, () -> iam.createRole(r -> {
            r.roleName(spec.roleName()).path(spec.path()).assumeRolePolicyDocument(trust.toJson()).tags(tags());
            spec.description().ifPresent(r::description);
            spec.maxSessionDuration().ifPresent(d -> r.maxSessionDuration((int) d.getSeconds()));
            spec.permissionsBoundary().ifPresent(b -> r.permissionsBoundary(b.toString()));
          }));
          return true;
        });
    planAttachments(arn, true);
    planInlinePolicies(arn, true);
  }

  private void planTrust(String arn, PolicyDocument current) {
    PolicyDocument merged = merge(current);
    if (merged.equals(current)) {
      notes.add("trust policy of " + arn + " already trusts " + subjects(spec.serviceAccounts()));
      return;
    }
    spec.trustPolicyQuota().check(merged);
    List<String> added = missing(current).stream().map(TrustedServiceAccount::toString).toList();
    add(Action.UPDATE_TRUST, arn, "trust " + String.join(", ", added) + " (keeping everyone already trusted)",
        current, merged, () -> updateTrust(arn));
  }

  /** The trust policy with every requested service account added; nothing removed. */
  private PolicyDocument merge(PolicyDocument current) {
    Map<OidcProvider, List<ServiceAccountRef>> byCluster = new LinkedHashMap<>();
    for (TrustedServiceAccount t : spec.serviceAccounts()) {
      byCluster.computeIfAbsent(t.cluster(), c -> new ArrayList<>()).add(t.serviceAccount());
    }
    PolicyDocument merged = current;
    for (Map.Entry<OidcProvider, List<ServiceAccountRef>> e : byCluster.entrySet()) {
      merged = IrsaTrust.addServiceAccounts(merged, e.getKey(), e.getValue(), spec.audience());
    }
    return merged;
  }

  /**
   * Read, merge, write, read back, confirm. IAM has no conditional write, so another process that read
   * the trust policy before our write may replace it with its own merge, without our service accounts.
   * After writing, the policy is read again once IAM's eventual consistency has had time to settle;
   * when it lacks ours, the merge is redone on top of what was read (nothing there is dropped) and
   * written again. It succeeds only when two consecutive reads, a settling pause apart, agree and
   * trust every requested service account; otherwise, after {@value #TRUST_WRITES} writes or
   * {@value #TRUST_READS} reads, it throws. A writer whose own read-to-write gap spans both of our
   * confirming reads can still drop ours unseen: that window is what remains.
   *
   * @return whether it wrote
   * @throws TrustNotConfirmedException when the last read does not trust ours, or reads never agreed
   */
  private boolean updateTrust(String arn) {
    String name = spec.roleName();
    int writes = 0;
    PolicyDocument confirming = null;   // the previous read, when it trusted ours
    PolicyDocument current = readTrust(arn);
    int reads = 1;
    while (true) {
      PolicyDocument merged = merge(current);
      if (merged.equals(current)) {
        if (current.equals(confirming)) {
          return writes > 0;
        }
        confirming = current;
      } else {
        confirming = null;
        if (writes == TRUST_WRITES) {
          break;
        }
        spec.trustPolicyQuota().check(merged);
        IamCalls.call("UpdateAssumeRolePolicy", arn,
            () -> iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(merged.toJson())));
        writes++;
      }
      if (reads == TRUST_READS) {
        break;
      }
      settle(writes);
      current = readTrust(arn);
      reads++;
    }
    throw new TrustNotConfirmedException(arn, missing(current), writes, reads);
  }

  private List<TrustedServiceAccount> missing(PolicyDocument trust) {
    List<TrustedServiceAccount> out = new ArrayList<>();
    for (TrustedServiceAccount t : spec.serviceAccounts()) {
      if (!IrsaTrust.trustedSubjects(trust, t.cluster()).contains(t.serviceAccount().subject())) {
        out.add(t);
      }
    }
    return out;
  }

  private PolicyDocument readTrust(String arn) {
    Role role = IamCalls.call("GetRole", arn, () -> iam.getRole(r -> r.roleName(spec.roleName())).role());
    return PolicyText.parse("GetRole", arn, role.assumeRolePolicyDocument());
  }

  /**
   * The pause before a read-back: random between {@value #SETTLE_MILLIS} ms and twice that, the range
   * doubled for each write after the first (contention), to at most four times: long enough for IAM's
   * eventual consistency and for a concurrent writer's pending write to land, and randomized so that
   * writers that collided do not collide again.
   */
  private static void settle(int writes) {
    long base = SETTLE_MILLIS << Math.min(Math.max(writes - 1, 0), 2);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(base, 2 * base + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while confirming a trust-policy update", e);
    }
  }

  private void planRoleSettings(Role role, String arn) {
    String name = spec.roleName();
    List<String> what = new ArrayList<>();
    Optional<String> description = spec.description().filter(d -> !d.equals(role.description()));
    Optional<Integer> maxSession = spec.maxSessionDuration().map(d -> (int) d.getSeconds())
        .filter(s -> !s.equals(role.maxSessionDuration()));
    description.ifPresent(d -> what.add("description " + Quote.single(d)));
    maxSession.ifPresent(s -> what.add("max session duration " + s + " s (was " + role.maxSessionDuration() + ")"));
    if (!what.isEmpty()) {
      add(Action.UPDATE_ROLE, arn, "set " + String.join(", ", what), null, null, () -> {
        IamCalls.call("UpdateRole", arn, () -> iam.updateRole(r -> {
          r.roleName(name);
          description.ifPresent(r::description);
          maxSession.ifPresent(r::maxSessionDuration);
        }));
        return true;
      });
    }
    String currentBoundary = role.permissionsBoundary() == null ? null : role.permissionsBoundary().permissionsBoundaryArn();
    spec.permissionsBoundary().map(PolicyArn::toString).filter(b -> !b.equals(currentBoundary)).ifPresent(b ->
        add(Action.PUT_PERMISSIONS_BOUNDARY, arn, "set permissions boundary " + b
            + (currentBoundary == null ? "" : " (was " + currentBoundary + ")"), null, null, () -> {
              IamCalls.call("PutRolePermissionsBoundary", arn,
                  () -> iam.putRolePermissionsBoundary(r -> r.roleName(name).permissionsBoundary(b)));
              return true;
            }));
    Map<String, String> have = new LinkedHashMap<>();
    for (Tag t : role.tags()) {
      have.put(t.key(), t.value());
    }
    List<Tag> missing = new ArrayList<>();
    spec.tags().forEach((k, v) -> {
      if (!v.equals(have.get(k))) {
        missing.add(Tag.builder().key(k).value(v).build());
      }
    });
    if (!missing.isEmpty()) {
      List<String> names = missing.stream().map(t -> t.key() + "=" + t.value()).toList();
      add(Action.TAG_ROLE, arn, "tag " + String.join(", ", names), null, null, () -> {
        IamCalls.call("TagRole", arn, () -> iam.tagRole(r -> r.roleName(name).tags(missing)));
        return true;
      });
    }
  }

  private void planAttachments(String arn, boolean newRole) {
    String name = spec.roleName();
    Set<String> attached = new LinkedHashSet<>();
    if (!newRole) {
      IamCalls.call("ListAttachedRolePolicies", arn, () -> {
        iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()
            .forEach(p -> attached.add(p.policyArn()));
        return null;
      });
    }
    for (PolicyArn p : spec.policiesToAttach()) {
      String pa = p.toString();
      if (attached.contains(pa)) {
        continue;
      }
      add(Action.ATTACH_POLICY, arn, "attach " + pa, null, null, () -> {
        IamCalls.call("AttachRolePolicy", arn, () -> iam.attachRolePolicy(r -> r.roleName(name).policyArn(pa)));
        return true;
      });
    }
  }

  private void planInlinePolicies(String arn, boolean newRole) {
    String name = spec.roleName();
    spec.inlinePolicies().forEach((policyName, wanted) -> {
      Optional<PolicyDocument> current = newRole ? Optional.empty()
          : IamCalls.find("GetRolePolicy", arn, () -> iam.getRolePolicy(r -> r.roleName(name).policyName(policyName)))
              .map(r -> PolicyText.parse("GetRolePolicy", arn, r.policyDocument()));
      if (current.isPresent() && current.get().equals(wanted)) {
        return;
      }
      add(Action.PUT_INLINE_POLICY, arn, (current.isPresent() ? "update" : "add") + " inline policy " + policyName,
          current.orElse(null), wanted, () -> {
            IamCalls.call("PutRolePolicy", arn,
                () -> iam.putRolePolicy(r -> r.roleName(name).policyName(policyName).policyDocument(wanted.toJson())));
            return true;
          });
    });
  }

  // ---- helpers

  private void checkAdoptable(String operation, String arn, String kind) {
    if (!spec.adopt()) {
      throw new OwnershipException(operation, arn, kind);
    }
  }

  static boolean owned(List<Tag> tags) {
    return tags.stream().anyMatch(t -> IamProvisioner.OWNER_TAG_KEY.equals(t.key())
        && IamProvisioner.OWNER_TAG_VALUE.equals(t.value()));
  }

  static Tag ownerTag() {
    return Tag.builder().key(IamProvisioner.OWNER_TAG_KEY).value(IamProvisioner.OWNER_TAG_VALUE).build();
  }

  private List<Tag> tags() {
    List<Tag> out = new ArrayList<>();
    out.add(ownerTag());
    spec.tags().forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  private static String subjects(List<TrustedServiceAccount> sas) {
    List<String> out = new ArrayList<>();
    for (TrustedServiceAccount t : sas) {
      out.add(t.toString());
    }
    return String.join(", ", out);
  }
}
