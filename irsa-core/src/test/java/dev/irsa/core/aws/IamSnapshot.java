package dev.irsa.core.aws;

import dev.irsa.core.aws.internal.PolicyText;
import dev.irsa.core.policy.PolicyDocument;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.IamClient;

/** What IAM holds for a role, its policies and the account's OIDC providers, for comparing runs. */
record IamSnapshot(
    Optional<PolicyDocument> trust,
    Map<String, String> roleTags,
    Optional<String> description,
    Set<String> attached,
    Map<String, PolicyDocument> inline,
    Map<String, PolicyDocument> managedDefaults,
    Map<String, Integer> managedVersionCounts,
    Map<String, Set<String>> providers) {

  static IamSnapshot read(IamClient iam, String roleName) {
    Optional<PolicyDocument> trust = Optional.empty();
    Map<String, String> tags = new TreeMap<>();
    Optional<String> description = Optional.empty();
    Set<String> attached = new TreeSet<>();
    Map<String, PolicyDocument> inline = new TreeMap<>();
    try {
      var role = iam.getRole(r -> r.roleName(roleName)).role();
      trust = Optional.of(PolicyDocument.fromJson(PolicyText.decode(role.assumeRolePolicyDocument())));
      role.tags().forEach(t -> tags.put(t.key(), t.value()));
      description = Optional.ofNullable(role.description());
      iam.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies().forEach(p -> attached.add(p.policyArn()));
      for (String name : iam.listRolePolicies(r -> r.roleName(roleName)).policyNames()) {
        inline.put(name, PolicyDocument.fromJson(PolicyText.decode(
            iam.getRolePolicy(r -> r.roleName(roleName).policyName(name)).policyDocument())));
      }
    } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
      // no role
    }
    Map<String, PolicyDocument> defaults = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    iam.listPolicies(r -> r.scope("Local")).policies().forEach(p -> {
      defaults.put(p.arn(), PolicyDocument.fromJson(PolicyText.decode(iam.getPolicyVersion(r -> r.policyArn(p.arn())
          .versionId(p.defaultVersionId())).policyVersion().document())));
      counts.put(p.arn(), iam.listPolicyVersions(r -> r.policyArn(p.arn())).versions().size());
    });
    Map<String, Set<String>> providers = new TreeMap<>();
    iam.listOpenIDConnectProviders().openIDConnectProviderList().forEach(p -> providers.put(p.arn(),
        new TreeSet<>(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(p.arn())).clientIDList())));
    return new IamSnapshot(trust, tags, description, attached, inline, defaults, counts, providers);
  }
}
