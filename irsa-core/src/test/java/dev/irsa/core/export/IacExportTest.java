package dev.irsa.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.arn.PolicyArn;
import dev.irsa.core.aws.ManagedPolicy;
import dev.irsa.core.aws.ServiceAccountRole;
import dev.irsa.core.aws.Thumbprint;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.policy.Permissions;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IacExportTest {
  static final OidcProvider CLUSTER =
      OidcProvider.fromIssuer("https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "111122223333");
  static final PolicyDocument SEED = Permissions.builder().s3Read("irsa-demo-bucket")
      .dynamoDbDescribe(dev.irsa.core.arn.DynamoDbArns.table("us-west-2", "111122223333", "irsa-demo-table")).build();
  /** A policy variable: Terraform would read it as a template unless escaped. */
  static final PolicyDocument WITH_VARIABLE = PolicyDocument.fromJson("""
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
       "Resource":"arn:aws:s3:::home/${aws:userid}/*"}]}""");

  static ServiceAccountRole seedRole() {
    return ServiceAccountRole.builder().roleName("irsa-demo-aws-cli")
        .serviceAccount(CLUSTER, ServiceAccountRef.of("irsa-demo", "aws-cli"))
        .addManagedPolicy(new ManagedPolicy("irsa-demo-read", "/", Optional.of("seed read"), SEED))
        .build();
  }

  static ServiceAccountRole fullRole() {
    return ServiceAccountRole.builder().roleName("payments").path("/apps/")
        .serviceAccount(CLUSTER, ServiceAccountRef.of("payments", "api"), ServiceAccountRef.of("payments", "worker"))
        .addManagedPolicy(ManagedPolicy.of("payments-read", SEED))
        .addAttachedPolicy(PolicyArn.awsManaged("ReadOnlyAccess"))
        .putInlinePolicy("home", WITH_VARIABLE)
        .permissionsBoundary(PolicyArn.parse("arn:aws:iam::111122223333:policy/boundary"))
        .maxSessionDuration(Duration.ofHours(2))
        .description("payments pods")
        .putTag("team", "payments")
        .thumbprint(Thumbprint.of("9e99a48a9960b14926bb7f3b02e22da2b0ab7280"))
        .build();
  }

  @Test
  void cloudFormationHoldsTheSeedsResourcesWithTheCanonicalDocuments() {
    // Given the seed's role
    ServiceAccountRole role = seedRole();

    // When it is exported
    String template = IacExport.cloudFormation(role);

    // Then the provider, the policy and the role are there, with provision's documents byte for byte
    JsonNode.Obj resources = (JsonNode.Obj) ((JsonNode.Obj) JsonParser.parse(template)).get("Resources");
    assertThat(resources.members().keySet()).containsExactly("OidcProvider1", "ManagedPolicy1", "Role");
    assertThat(type(resources, "OidcProvider1")).isEqualTo("AWS::IAM::OIDCProvider");
    assertThat(type(resources, "ManagedPolicy1")).isEqualTo("AWS::IAM::ManagedPolicy");
    assertThat(type(resources, "Role")).isEqualTo("AWS::IAM::Role");
    assertThat(template).contains("\"PolicyDocument\": " + SEED.toJson() + "\n")
        .contains("\"AssumeRolePolicyDocument\": " + role.trustPolicy().toJson() + ",")
        .contains("\"Url\": \"https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE\"")
        .contains("\"ClientIdList\": [\n          \"sts.amazonaws.com\"\n        ]")
        .contains("\"Key\": \"irsa.dev/managed-by\",\n            \"Value\": \"irsa\"")
        .contains("{\n            \"Ref\": \"ManagedPolicy1\"\n          }")
        .doesNotContain("ThumbprintList");
  }

  @Test
  void cloudFormationCarriesEverySettingOfTheRole() {
    ServiceAccountRole role = fullRole();

    String template = IacExport.cloudFormation(role);

    JsonNode.Obj props = (JsonNode.Obj) ((JsonNode.Obj) ((JsonNode.Obj) ((JsonNode.Obj) JsonParser.parse(template))
        .get("Resources")).get("Role")).get("Properties");
    assertThat(str(props, "RoleName")).isEqualTo("payments");
    assertThat(str(props, "Path")).isEqualTo("/apps/");
    assertThat(str(props, "Description")).isEqualTo("payments pods");
    assertThat(((JsonNode.Num) props.get("MaxSessionDuration")).text()).isEqualTo("7200");
    assertThat(str(props, "PermissionsBoundary")).isEqualTo("arn:aws:iam::111122223333:policy/boundary");
    assertThat(template).contains("\"PolicyName\": \"home\",\n            \"PolicyDocument\": " + WITH_VARIABLE.toJson())
        .contains("\"arn:aws:iam::aws:policy/ReadOnlyAccess\"")
        .contains("\"ThumbprintList\": [\n          \"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\"")
        .contains("\"Key\": \"team\",\n            \"Value\": \"payments\"")
        .contains("\"DependsOn\": [\n        \"OidcProvider1\"\n      ]");
  }

  @Test
  void withoutManagedProvidersNoProviderResourceAndNoDependency() {
    ServiceAccountRole role = seedRole().toBuilder().manageOidcProviders(false).build();

    String template = IacExport.cloudFormation(role);
    String tf = IacExport.terraform(role);

    assertThat(template).doesNotContain("OIDCProvider").doesNotContain("DependsOn");
    assertThat(tf).doesNotContain("aws_iam_openid_connect_provider").doesNotContain("depends_on");
  }

  @Test
  void terraformStringsEvaluateToTheCanonicalDocuments() {
    ServiceAccountRole role = fullRole();

    String tf = IacExport.terraform(role);

    JsonNode.Obj resource = (JsonNode.Obj) ((JsonNode.Obj) JsonParser.parse(tf)).get("resource");
    assertThat(resource.members().keySet()).containsExactly("aws_iam_openid_connect_provider", "aws_iam_policy",
        "aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment");
    JsonNode.Obj r = block(resource, "aws_iam_role", "role");
    assertThat(untemplate(str(r, "assume_role_policy"))).isEqualTo(role.trustPolicy().toJson());
    assertThat(untemplate(str(block(resource, "aws_iam_policy", "policy_1"), "policy"))).isEqualTo(SEED.toJson());
    JsonNode.Obj inline = block(resource, "aws_iam_role_policy", "inline_1");
    // The policy variable is escaped for Terraform's template engine and evaluates back to the document
    assertThat(str(inline, "policy")).contains("home/$${aws:userid}/*");
    assertThat(untemplate(str(inline, "policy"))).isEqualTo(WITH_VARIABLE.toJson());
    assertThat(str(block(resource, "aws_iam_role_policy_attachment", "attach_1"), "policy_arn"))
        .isEqualTo("${aws_iam_policy.policy_1.arn}");
    assertThat(str(block(resource, "aws_iam_role_policy_attachment", "attach_2"), "policy_arn"))
        .isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertThat(((JsonNode.Num) r.get("max_session_duration")).text()).isEqualTo("7200");
    assertThat(str(r, "permissions_boundary")).isEqualTo("arn:aws:iam::111122223333:policy/boundary");
  }

  /** Attribute names the AWS provider documents for each resource (registry.terraform.io/providers/hashicorp/aws). */
  static final Map<String, List<String>> PROVIDER_ATTRIBUTES = Map.of(
      "aws_iam_openid_connect_provider", List.of("url", "client_id_list", "thumbprint_list", "tags"),
      "aws_iam_policy", List.of("name", "name_prefix", "path", "description", "policy", "tags"),
      "aws_iam_role", List.of("name", "name_prefix", "path", "description", "assume_role_policy",
          "max_session_duration", "permissions_boundary", "force_detach_policies", "tags", "depends_on"),
      "aws_iam_role_policy", List.of("name", "name_prefix", "role", "policy"),
      "aws_iam_role_policy_attachment", List.of("role", "policy_arn"));

  @Test
  void terraformUsesOnlyTheProvidersPublishedAttributeNames() {
    for (ServiceAccountRole role : List.of(seedRole(), fullRole())) {
      JsonNode.Obj resource = (JsonNode.Obj) ((JsonNode.Obj) JsonParser.parse(IacExport.terraform(role))).get("resource");
      resource.members().forEach((type, blocks) -> {
        assertThat(PROVIDER_ATTRIBUTES).containsKey(type);
        ((JsonNode.Obj) blocks).members().values().forEach(b ->
            assertThat(((JsonNode.Obj) b).members().keySet()).as(type).isSubsetOf(PROVIDER_ATTRIBUTES.get(type)));
      });
    }
  }

  @Test
  void aThumbprintFromTheIssuerIsRefusedBecauseAnExportMakesNoNetworkCall() {
    ServiceAccountRole role = seedRole().toBuilder().thumbprint(Thumbprint.fromIssuer()).build();

    assertThatThrownBy(() -> IacExport.cloudFormation(role)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an export makes no network call, so it cannot compute the thumbprint from the issuer: give the "
            + "thumbprint (40 hex digits) or omit it (IAM trusts the issuers' well-known CAs)");
  }

  @Test
  void terraformLiteralEscapesBothTemplateSequences() {
    assertThat(IacExport.terraformLiteral("a${b}c%{d}$e%f")).isEqualTo("a$${b}c%%{d}$e%f");
  }

  /** What Terraform's template engine makes of an escaped literal. */
  static String untemplate(String s) {
    return s.replace("$${", "${").replace("%%{", "%{");
  }

  static JsonNode.Obj block(JsonNode.Obj resource, String type, String name) {
    return (JsonNode.Obj) ((JsonNode.Obj) resource.get(type)).get(name);
  }

  static String type(JsonNode.Obj resources, String id) {
    return str((JsonNode.Obj) resources.get(id), "Type");
  }

  static String str(JsonNode.Obj o, String name) {
    return ((JsonNode.Str) o.get(name)).value();
  }
}
