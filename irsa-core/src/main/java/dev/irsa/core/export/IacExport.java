package dev.irsa.core.export;

import dev.irsa.core.arn.PolicyArn;
import dev.irsa.core.aws.IamProvisioner;
import dev.irsa.core.aws.ManagedPolicy;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.aws.Thumbprint;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.OidcProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Infrastructure as code for the same {@link ServiceAccountRole} that {@link IamProvisioner#apply}
 * makes true in IAM: the clusters' OIDC providers (when {@link ServiceAccountRole#manageOidcProviders()}),
 * the customer managed policies, the role with its trust, boundary, inline policies, attachments and tags
 * (irsa's ownership tag included, so that a later {@code provision} manages what the template created).
 *
 * <pre>{@code
 * String template = IacExport.cloudFormation(role);   // AWS::IAM::OIDCProvider, ManagedPolicy, Role
 * String tf = IacExport.terraform(role);              // main.tf.json
 * }</pre>
 *
 * <p>Every IAM document inside is {@link PolicyDocument#toJson()}, byte for byte: in the CloudFormation
 * template as the JSON object itself, in Terraform as the string value of {@code policy} /
 * {@code assume_role_policy} (with Terraform's template escapes {@code $${} and {@code %%{} for policy
 * variables, which Terraform turns back into {@code ${} and {@code %{}).
 */
public final class IacExport {
  /** The CloudFormation logical ID of the role. */
  public static final String ROLE_LOGICAL_ID = "Role";

  private IacExport() {}

  /**
   * A CloudFormation template (JSON) with an {@code AWS::IAM::OIDCProvider} per cluster (when the role
   * manages them), an {@code AWS::IAM::ManagedPolicy} per customer managed policy and the
   * {@code AWS::IAM::Role}, and the role's ARN as output {@code RoleArn}.
   *
   * @throws IllegalArgumentException when the role asks for a thumbprint computed from the issuer (an
   *     export makes no network call: give the thumbprint or omit it)
   */
  public static String cloudFormation(ServiceAccountRole role) {
    Objects.requireNonNull(role, "role");
    JsonWriter w = new JsonWriter(true).beginObject();
    w.name("AWSTemplateFormatVersion").value("2010-09-09");
    w.name("Description").value("irsa: IAM role " + role.roleName() + " for " + subjects(role));
    w.name("Resources").beginObject();
    List<String> providerIds = new ArrayList<>();
    if (role.manageOidcProviders()) {
      int i = 1;
      for (OidcProvider p : role.oidcProviders()) {
        String id = "OidcProvider" + i++;
        providerIds.add(id);
        cfnProvider(w, id, p, role);
      }
    }
    Map<ManagedPolicy, String> policyIds = new LinkedHashMap<>();
    int i = 1;
    for (ManagedPolicy p : role.managedPolicies()) {
      String id = "ManagedPolicy" + i++;
      policyIds.put(p, id);
      cfnManagedPolicy(w, id, p);
    }
    cfnRole(w, role, providerIds, policyIds);
    w.endObject();
    w.name("Outputs").beginObject()
        .name("RoleArn").beginObject()
        .name("Description").value("The role's ARN: annotate the service accounts with it (eks.amazonaws.com/role-arn).")
        .name("Value").beginObject().name("Fn::GetAtt").beginArray().value(ROLE_LOGICAL_ID).value("Arn").endArray()
        .endObject().endObject().endObject();
    return w.endObject().toString() + "\n";
  }

  private static void cfnProvider(JsonWriter w, String id, OidcProvider p, ServiceAccountRole role) {
    w.name(id).beginObject().name("Type").value("AWS::IAM::OIDCProvider").name("Properties").beginObject();
    w.name("Url").value(p.issuerUrl());
    w.name("ClientIdList").beginArray().value(role.audience()).endArray();
    List<String> thumbprints = thumbprints(role.thumbprint());
    if (!thumbprints.isEmpty()) {
      w.name("ThumbprintList").beginArray();
      thumbprints.forEach(w::value);
      w.endArray();
    }
    cfnTags(w, role);
    w.endObject().endObject();
  }

  private static void cfnManagedPolicy(JsonWriter w, String id, ManagedPolicy p) {
    w.name(id).beginObject().name("Type").value("AWS::IAM::ManagedPolicy").name("Properties").beginObject();
    w.name("ManagedPolicyName").value(p.name());
    w.name("Path").value(p.path());
    p.description().ifPresent(d -> w.name("Description").value(d));
    w.name("PolicyDocument").raw(p.document().toJson());
    w.endObject().endObject();
  }

  private static void cfnRole(JsonWriter w, ServiceAccountRole role, List<String> providerIds,
      Map<ManagedPolicy, String> policyIds) {
    w.name(ROLE_LOGICAL_ID).beginObject().name("Type").value("AWS::IAM::Role");
    if (!providerIds.isEmpty()) {
      // The trust names the providers by ARN (the exact document provision writes), not by Ref.
      w.name("DependsOn").beginArray();
      providerIds.forEach(w::value);
      w.endArray();
    }
    w.name("Properties").beginObject();
    w.name("RoleName").value(role.roleName());
    w.name("Path").value(role.path());
    role.description().ifPresent(d -> w.name("Description").value(d));
    role.maxSessionDuration().ifPresent(d -> w.name("MaxSessionDuration").raw(Long.toString(d.getSeconds())));
    role.permissionsBoundary().ifPresent(b -> w.name("PermissionsBoundary").value(b.toString()));
    w.name("AssumeRolePolicyDocument").raw(role.trustPolicy().toJson());
    if (!role.policiesToAttach().isEmpty()) {
      w.name("ManagedPolicyArns").beginArray();
      policyIds.values().forEach(id -> w.beginObject().name("Ref").value(id).endObject());
      for (PolicyArn a : role.attachedPolicies()) {
        if (role.managedPolicies().stream().noneMatch(p -> role.policyArn(p).equals(a))) {
          w.value(a.toString());
        }
      }
      w.endArray();
    }
    if (!role.inlinePolicies().isEmpty()) {
      w.name("Policies").beginArray();
      role.inlinePolicies().forEach((name, doc) ->
          w.beginObject().name("PolicyName").value(name).name("PolicyDocument").raw(doc.toJson()).endObject());
      w.endArray();
    }
    cfnTags(w, role);
    w.endObject().endObject();
  }

  private static void cfnTags(JsonWriter w, ServiceAccountRole role) {
    w.name("Tags").beginArray();
    tags(role).forEach((k, v) -> w.beginObject().name("Key").value(k).name("Value").value(v).endObject());
    w.endArray();
  }

  /**
   * Terraform JSON ({@code *.tf.json}) for the AWS provider: {@code aws_iam_openid_connect_provider}
   * (when the role manages them), {@code aws_iam_policy}, {@code aws_iam_role},
   * {@code aws_iam_role_policy} (inline policies), {@code aws_iam_role_policy_attachment}, and the
   * output {@code role_arn}.
   *
   * @throws IllegalArgumentException when the role asks for a thumbprint computed from the issuer
   */
  public static String terraform(ServiceAccountRole role) {
    Objects.requireNonNull(role, "role");
    JsonWriter w = new JsonWriter(true).beginObject();
    w.name("//").value("irsa: IAM role " + role.roleName() + " for " + subjects(role));
    w.name("resource").beginObject();
    List<String> providerRefs = new ArrayList<>();
    if (role.manageOidcProviders()) {
      w.name("aws_iam_openid_connect_provider").beginObject();
      int i = 1;
      for (OidcProvider p : role.oidcProviders()) {
        String name = "cluster_" + i++;
        providerRefs.add("aws_iam_openid_connect_provider." + name);
        w.name(name).beginObject().name("url").value(p.issuerUrl());
        w.name("client_id_list").beginArray().value(role.audience()).endArray();
        List<String> thumbprints = thumbprints(role.thumbprint());
        if (!thumbprints.isEmpty()) {
          w.name("thumbprint_list").beginArray();
          thumbprints.forEach(w::value);
          w.endArray();
        }
        tfTags(w, role);
        w.endObject();
      }
      w.endObject();
    }
    List<String> policyNames = new ArrayList<>();
    if (!role.managedPolicies().isEmpty()) {
      w.name("aws_iam_policy").beginObject();
      int i = 1;
      for (ManagedPolicy p : role.managedPolicies()) {
        String name = "policy_" + i++;
        policyNames.add(name);
        w.name(name).beginObject().name("name").value(p.name()).name("path").value(p.path());
        p.description().ifPresent(d -> w.name("description").value(terraformLiteral(d)));
        w.name("policy").value(terraformLiteral(p.document().toJson()));
        tfTags(w, role);
        w.endObject();
      }
      w.endObject();
    }
    tfRole(w, role, providerRefs);
    if (!role.inlinePolicies().isEmpty()) {
      w.name("aws_iam_role_policy").beginObject();
      int i = 1;
      for (Map.Entry<String, PolicyDocument> e : role.inlinePolicies().entrySet()) {
        w.name("inline_" + i++).beginObject().name("name").value(e.getKey())
            .name("role").value("${aws_iam_role.role.name}")
            .name("policy").value(terraformLiteral(e.getValue().toJson())).endObject();
      }
      w.endObject();
    }
    if (!role.policiesToAttach().isEmpty()) {
      w.name("aws_iam_role_policy_attachment").beginObject();
      int i = 1;
      for (String name : policyNames) {
        w.name("attach_" + i++).beginObject().name("role").value("${aws_iam_role.role.name}")
            .name("policy_arn").value("${aws_iam_policy." + name + ".arn}").endObject();
      }
      for (PolicyArn a : role.attachedPolicies()) {
        if (role.managedPolicies().stream().noneMatch(p -> role.policyArn(p).equals(a))) {
          w.name("attach_" + i++).beginObject().name("role").value("${aws_iam_role.role.name}")
              .name("policy_arn").value(a.toString()).endObject();
        }
      }
      w.endObject();
    }
    w.endObject();
    w.name("output").beginObject().name("role_arn").beginObject()
        .name("description").value("The role's ARN: annotate the service accounts with it (eks.amazonaws.com/role-arn).")
        .name("value").value("${aws_iam_role.role.arn}").endObject().endObject();
    return w.endObject().toString() + "\n";
  }

  private static void tfRole(JsonWriter w, ServiceAccountRole role, List<String> providerRefs) {
    w.name("aws_iam_role").beginObject().name("role").beginObject();
    w.name("name").value(role.roleName()).name("path").value(role.path());
    role.description().ifPresent(d -> w.name("description").value(terraformLiteral(d)));
    role.maxSessionDuration().ifPresent(d -> w.name("max_session_duration").raw(Long.toString(d.getSeconds())));
    role.permissionsBoundary().ifPresent(b -> w.name("permissions_boundary").value(b.toString()));
    w.name("assume_role_policy").value(terraformLiteral(role.trustPolicy().toJson()));
    tfTags(w, role);
    if (!providerRefs.isEmpty()) {
      w.name("depends_on").beginArray();
      providerRefs.forEach(w::value);
      w.endArray();
    }
    w.endObject().endObject();
  }

  private static void tfTags(JsonWriter w, ServiceAccountRole role) {
    w.name("tags").beginObject();
    tags(role).forEach((k, v) -> w.name(k).value(terraformLiteral(v)));
    w.endObject();
  }

  /**
   * {@code text} as a Terraform JSON string whose evaluated value is {@code text}: Terraform reads
   * {@code ${...}} and {@code %{...}} in JSON strings as templates, so they are escaped as
   * {@code $${} and {@code %%{}.
   */
  public static String terraformLiteral(String text) {
    return text.replace("${", "$${").replace("%{", "%%{");
  }

  /** The tags provision puts on what it creates: the role's, then irsa's ownership tag. */
  static Map<String, String> tags(ServiceAccountRole role) {
    Map<String, String> tags = new LinkedHashMap<>(role.tags());
    tags.put(IamProvisioner.OWNER_TAG_KEY, IamProvisioner.OWNER_TAG_VALUE);
    return tags;
  }

  private static List<String> thumbprints(Thumbprint t) {
    return switch (t.mode()) {
      case OMIT -> List.of();
      case SUPPLIED -> t.values();
      case FROM_ISSUER -> throw new IllegalArgumentException("an export makes no network call, so it cannot compute "
          + "the thumbprint from the issuer: give the thumbprint (40 hex digits) or omit it (IAM trusts the "
          + "issuers' well-known CAs)");
    };
  }

  private static String subjects(ServiceAccountRole role) {
    List<String> out = new ArrayList<>();
    role.serviceAccounts().forEach(t -> out.add(t.serviceAccount().toString()));
    return "service account" + (out.size() == 1 ? " " : "s ") + String.join(", ", out);
  }
}
