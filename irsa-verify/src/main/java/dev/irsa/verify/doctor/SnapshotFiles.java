package dev.irsa.verify.doctor;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonSyntaxException;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.verify.doctor.internal.Json;
import dev.irsa.verify.doctor.internal.Rfc3986;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads snapshot parts from the files people already produce, in their standard formats:
 *
 * <ul>
 *   <li>{@code kubectl get serviceaccounts,pods -A -o json} and {@code kubectl get
 *       mutatingwebhookconfigurations -o json}: a v1 {@code List} (or a typed list, or one object);
 *       ConfigMaps and Secrets (for {@code envFrom}) are read for their key names only; items of other
 *       kinds are ignored;
 *   <li>{@code aws iam get-account-authorization-details}: roles and managed policies, documents as
 *       objects or URL-encoded strings (decoded as RFC 3986, so {@code +} stays {@code +});
 *   <li>the OIDC providers file: a JSON array of {@code aws iam get-open-id-connect-provider} outputs,
 *       each with the provider's {@code Arn} added;
 *   <li>{@code aws eks describe-cluster}: the cluster's issuer.
 * </ul>
 *
 * Each method adds to a {@link Snapshot.Builder}. A file that is not what it claims raises one
 * {@link SnapshotFormatException} naming the file, the JSON path and line:column, and what was expected.
 */
public final class SnapshotFiles {
  private static final Set<String> LIST_KINDS = Set.of("List", "ServiceAccountList", "PodList",
      "MutatingWebhookConfigurationList", "ConfigMapList", "SecretList");

  private SnapshotFiles() {}

  /**
   * Adds the service accounts, pods and MutatingWebhookConfigurations of a {@code kubectl ... -o json}
   * output. Reading a MutatingWebhookConfiguration, or an empty list, marks the webhooks as collected
   * ({@code kubectl get mutatingwebhookconfigurations -o json} on a cluster without any prints an
   * empty {@code List}).
   *
   * @throws SnapshotFormatException when the text is not JSON or not a Kubernetes list or object
   */
  public static Snapshot.Builder addKubernetes(Snapshot.Builder b, String file, String text) {
    Json root = parse(file, text);
    String kind = root.require("kind").string();
    List<Json> items;
    if (LIST_KINDS.contains(kind)) {
      items = root.require("items").elements();
      if (items.isEmpty()) {
        b.webhooksCollected(true);
      }
    } else if (Set.of("ServiceAccount", "Pod", "MutatingWebhookConfiguration", "ConfigMap", "Secret").contains(kind)) {
      items = List.of(root);
    } else {
      throw root.get("kind").error("expected a Kubernetes List (kubectl get ... -o json), ServiceAccount, Pod or "
          + "MutatingWebhookConfiguration, got kind '" + kind + "'");
    }
    for (Json item : items) {
      String k = item.require("kind").string();
      switch (k) {
        case "ServiceAccount" -> b.addServiceAccount(serviceAccount(item));
        case "Pod" -> b.addPod(pod(item));
        case "MutatingWebhookConfiguration" -> b.addWebhookConfiguration(webhookConfiguration(item));
        case "ConfigMap" -> b.addEnvSource(envSource(EnvSource.Kind.CONFIG_MAP, item));
        case "Secret" -> b.addEnvSource(envSource(EnvSource.Kind.SECRET, item));
        default -> {
          // other kinds (kubectl get all, ConfigMaps, ...) are not part of the snapshot
        }
      }
    }
    return b;
  }

  private static KubeServiceAccount serviceAccount(Json item) {
    Json meta = item.require("metadata");
    return new KubeServiceAccount(meta.require("namespace").string(), meta.require("name").string(),
        meta.get("annotations").stringMap(), JsonWriter.write(item.node(), false));
  }

  private static KubePod pod(Json item) {
    Json meta = item.require("metadata");
    Json spec = item.require("spec");
    String sa = spec.get("serviceAccountName").stringOrNull();
    if (sa == null) {
      sa = spec.get("serviceAccount").stringOrNull();   // the deprecated spelling
    }
    List<String> owners = new ArrayList<>();
    for (Json o : meta.get("ownerReferences").elementsOrEmpty()) {
      owners.add(o.require("kind").string() + "/" + o.require("name").string());
    }
    spec.require("containers").elements();
    return new KubePod(meta.require("namespace").string(), meta.require("name").string(), sa == null ? "default" : sa,
        owners, JsonWriter.write(item.node(), false));
  }

  /** Key names only: values (Secret data above all) are never kept. */
  private static EnvSource envSource(EnvSource.Kind kind, Json item) {
    Json meta = item.require("metadata");
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (String field : List.of("data", "binaryData", "stringData")) {
      Json d = item.get(field);
      if (!d.isNull()) {
        keys.addAll(d.object().members().keySet());
      }
    }
    return new EnvSource(kind, meta.require("namespace").string(), meta.require("name").string(), keys);
  }

  private static WebhookConfiguration webhookConfiguration(Json item) {
    List<String> names = new ArrayList<>();
    for (Json w : item.get("webhooks").elementsOrEmpty()) {
      names.add(w.require("name").string());
    }
    return new WebhookConfiguration(item.require("metadata").require("name").string(), names);
  }

  /**
   * Adds the roles and managed policies of an {@code aws iam get-account-authorization-details} output
   * (run it with {@code --filter Role LocalManagedPolicy AWSManagedPolicy}, or without a filter).
   *
   * @throws SnapshotFormatException when the text is not that output or a document is not a policy
   */
  public static Snapshot.Builder addIam(Snapshot.Builder b, String file, String text) {
    Json root = parse(file, text);
    root.object();
    if (root.get("RoleDetailList").isNull()) {
      throw root.error("not the output of aws iam get-account-authorization-details: no RoleDetailList");
    }
    b.iamCollected(true);
    for (Json r : root.get("RoleDetailList").elements()) {
      b.addRole(role(r));
    }
    for (Json p : root.get("Policies").elementsOrEmpty()) {
      managedPolicy(p).ifPresent(b::addManagedPolicy);
    }
    return b;
  }

  private static IamRole role(Json r) {
    Json arnJson = r.require("Arn");
    String arn = arnJson.string();
    try {
      RoleArn.parse(arn);
    } catch (IllegalArgumentException e) {
      throw arnJson.error("not a role ARN: " + e.getMessage());
    }
    PolicyDocument trust = document(r.require("AssumeRolePolicyDocument"));
    List<String> attached = new ArrayList<>();
    for (Json a : r.get("AttachedManagedPolicies").elementsOrEmpty()) {
      attached.add(a.require("PolicyArn").string());
    }
    Map<String, PolicyDocument> inline = new LinkedHashMap<>();
    for (Json p : r.get("RolePolicyList").elementsOrEmpty()) {
      inline.put(p.require("PolicyName").string(), document(p.require("PolicyDocument")));
    }
    Json boundary = r.get("PermissionsBoundary");
    Optional<String> boundaryArn = boundary.isNull() ? Optional.empty()
        : Optional.ofNullable(boundary.get("PermissionsBoundaryArn").stringOrNull());
    return new IamRole(arn, r.require("RoleName").string(), trust, attached, inline, boundaryArn);
  }

  private static Optional<ManagedPolicy> managedPolicy(Json p) {
    String arn = p.require("Arn").string();
    String defaultId = p.get("DefaultVersionId").stringOrNull();
    for (Json v : p.get("PolicyVersionList").elementsOrEmpty()) {
      Json isDefault = v.get("IsDefaultVersion");
      boolean dflt = isDefault.node() instanceof JsonNode.Bool bool ? bool.value()
          : defaultId != null && defaultId.equals(v.get("VersionId").stringOrNull());
      if (dflt) {
        String name = p.get("PolicyName").stringOrNull();
        return Optional.of(new ManagedPolicy(arn, name == null ? ManagedPolicy.nameOf(arn) : name, document(v.require("Document"))));
      }
    }
    return Optional.empty();
  }

  /**
   * A URL-encoded policy document as IAM's API returns it, decoded as RFC 3986.
   *
   * @throws IllegalArgumentException naming {@code where} when it is not a policy document
   */
  static PolicyDocument decodeDocument(String encoded, String where) {
    try {
      return PolicyDocument.fromJson(Rfc3986.decode(encoded));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": not a policy document: " + e.getMessage(), e);
    }
  }

  /** A policy document written as an object or as a URL-encoded string (as IAM's API returns it). */
  static PolicyDocument document(Json doc) {
    String text;
    if (doc.isString()) {
      try {
        text = Rfc3986.decode(doc.string());
      } catch (IllegalArgumentException e) {
        throw doc.error("not a URL-encoded policy document: " + e.getMessage());
      }
    } else if (doc.isObject()) {
      text = JsonWriter.write(doc.node(), false);
    } else {
      throw doc.error("expected a policy document (an object or a URL-encoded string), got " + doc.node().kind());
    }
    try {
      return PolicyDocument.fromJson(text);
    } catch (PolicyParseException e) {
      throw doc.error("not a policy document: " + e.getMessage());
    }
  }

  /**
   * Adds the providers of an OIDC providers file: a JSON array with one {@code aws iam
   * get-open-id-connect-provider} output per provider and its {@code Arn} added. Marks the providers
   * as collected (an empty array says the account has none).
   *
   * @throws SnapshotFormatException when the text is not such an array
   */
  public static Snapshot.Builder addOidcProviders(Snapshot.Builder b, String file, String text) {
    Json root = parse(file, text);
    if (!root.isArray()) {
      throw root.error("expected a JSON array of aws iam get-open-id-connect-provider outputs, each with its Arn "
          + "added, got " + root.node().kind());
    }
    b.oidcProvidersCollected(true);
    for (Json p : root.elements()) {
      Json arnJson = p.require("Arn");
      String arn = arnJson.string();
      try {
        OidcProvider.fromArn(arn);
      } catch (IllegalArgumentException e) {
        throw arnJson.error(e.getMessage());
      }
      b.addOidcProvider(new OidcProviderEntry(arn, p.require("Url").string(), p.get("ClientIDList").strings(),
          p.get("ThumbprintList").strings()));
    }
    return b;
  }

  /**
   * Sets the issuer from an {@code aws eks describe-cluster} output ({@code cluster.identity.oidc.issuer}).
   *
   * @throws SnapshotFormatException when the text is not that output or the cluster has no issuer
   */
  public static Snapshot.Builder addCluster(Snapshot.Builder b, String file, String text) {
    Json root = parse(file, text);
    Json cluster = root.require("cluster");
    Json issuer = cluster.require("identity").require("oidc").require("issuer");
    try {
      b.issuer(issuer.string());
    } catch (IllegalArgumentException e) {
      throw issuer.error(e.getMessage());
    }
    return b;
  }

  private static Json parse(String file, String text) {
    try {
      return new Json(file, "$", JsonParser.parse(text));
    } catch (JsonSyntaxException e) {
      throw new SnapshotFormatException(file, e.path(), e.line(), e.column(), "not JSON: " + e.problem());
    }
  }
}
