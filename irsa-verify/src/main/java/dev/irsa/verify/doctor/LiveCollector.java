package dev.irsa.verify.doctor;

import dev.irsa.k8s.IrsaKubernetes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.PodIdentityAssociationSummary;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * Collects a {@link Snapshot} live through clients the caller passes in and keeps (never closed here):
 * fabric8's {@link KubernetesClient} for service accounts, pods and MutatingWebhookConfigurations (read
 * through the same reader as {@code kubectl ... -o json} files), the SDK's {@link IamClient} for what
 * {@code get-account-authorization-details} and the OIDC provider calls return, and optionally an
 * {@link EksClient} for the cluster's issuer and its Pod Identity associations.
 *
 * <pre>{@code
 * Snapshot s = LiveCollector.builder().kubernetes(k8s).iam(iam).eks(eks, "demo").build().collect();
 * }</pre>
 *
 * Needs {@code dev.irsa:irsa-k8s} and the SDK's {@code iam} (and {@code eks} when used) on the class path.
 */
public final class LiveCollector {
  private final KubernetesClient kubernetes;
  private final IamClient iam;
  private final EksClient eks;
  private final String clusterName;
  private final String issuer;

  private LiveCollector(Builder b) {
    this.kubernetes = b.kubernetes;
    this.iam = b.iam;
    this.eks = b.eks;
    this.clusterName = b.clusterName;
    this.issuer = b.issuer;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads everything the clients can see. The issuer is the one given, else the EKS cluster's, else
   * the API server's OIDC discovery document's.
   *
   * @throws KubernetesClientException, SdkException as the clients raise them (e.g. no permission to list)
   */
  public Snapshot collect() {
    Snapshot.Builder b = Snapshot.builder();
    if (kubernetes != null) {
      Doctor.requireKubernetesModel();
    }
    if (kubernetes != null) {
      collectKubernetes(b);
    }
    if (issuer != null) {
      b.issuer(issuer);
    } else if (eks != null && clusterName != null) {
      b.issuer(eks.describeCluster(r -> r.name(clusterName)).cluster().identity().oidc().issuer());
    } else if (kubernetes != null) {
      try {
        b.issuer(IrsaKubernetes.using(kubernetes).discoverIssuer().issuer());
      } catch (RuntimeException e) {
        // the API server does not serve its discovery document: the issuer stays unknown
      }
    }
    if (eks != null && clusterName != null) {
      collectPodIdentity(b);
    }
    if (iam != null) {
      collectIam(b);
      collectProviders(b);
    }
    return b.build();
  }

  private void collectKubernetes(Snapshot.Builder b) {
    List<HasMetadata> items = new ArrayList<>();
    items.addAll(kubernetes.serviceAccounts().inAnyNamespace().list().getItems());
    items.addAll(kubernetes.pods().inAnyNamespace().list().getItems());
    SnapshotFiles.addKubernetes(b, "cluster " + kubernetes.getMasterUrl(), list(items));
    collectEnvSources(b, items);
    try {
      List<HasMetadata> hooks = new ArrayList<>(
          kubernetes.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems());
      SnapshotFiles.addKubernetes(b, "cluster " + kubernetes.getMasterUrl(), list(hooks));
      b.webhooksCollected(true);
    } catch (KubernetesClientException e) {
      // not allowed to list them (RBAC): the webhook check is skipped
    }
  }

  /** The ConfigMaps and Secrets pods name in envFrom, read for their key names only. */
  private void collectEnvSources(Snapshot.Builder b, List<HasMetadata> items) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (HasMetadata item : items) {
      if (!(item instanceof io.fabric8.kubernetes.api.model.Pod pod) || pod.getSpec() == null) {
        continue;
      }
      String ns = pod.getMetadata().getNamespace();
      List<io.fabric8.kubernetes.api.model.Container> containers = new ArrayList<>(pod.getSpec().getContainers());
      if (pod.getSpec().getInitContainers() != null) {
        containers.addAll(pod.getSpec().getInitContainers());
      }
      for (io.fabric8.kubernetes.api.model.Container c : containers) {
        for (io.fabric8.kubernetes.api.model.EnvFromSource s : c.getEnvFrom() == null
            ? List.<io.fabric8.kubernetes.api.model.EnvFromSource>of() : c.getEnvFrom()) {
          try {
            if (s.getSecretRef() != null && seen.add("s/" + ns + "/" + s.getSecretRef().getName())) {
              var secret = kubernetes.secrets().inNamespace(ns).withName(s.getSecretRef().getName()).get();
              if (secret != null) {
                b.addEnvSource(new EnvSource(EnvSource.Kind.SECRET, ns, secret.getMetadata().getName(),
                    keys(secret.getData(), secret.getStringData())));
              }
            } else if (s.getConfigMapRef() != null && seen.add("c/" + ns + "/" + s.getConfigMapRef().getName())) {
              var cm = kubernetes.configMaps().inNamespace(ns).withName(s.getConfigMapRef().getName()).get();
              if (cm != null) {
                b.addEnvSource(new EnvSource(EnvSource.Kind.CONFIG_MAP, ns, cm.getMetadata().getName(),
                    keys(cm.getData(), cm.getBinaryData())));
              }
            }
          } catch (KubernetesClientException e) {
            // not allowed to read it (RBAC): the envFrom source stays unchecked
          }
        }
      }
    }
  }

  private static java.util.Set<String> keys(Map<String, String> a, Map<String, String> b) {
    java.util.Set<String> out = new java.util.HashSet<>();
    if (a != null) {
      out.addAll(a.keySet());
    }
    if (b != null) {
      out.addAll(b.keySet());
    }
    return out;
  }

  private static String list(List<HasMetadata> items) {
    StringBuilder sb = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      HasMetadata item = items.get(i);
      if (item.getKind() == null) {
        throw new IllegalStateException("the API server returned an object without kind: " + item.getMetadata().getName());
      }
      sb.append(i == 0 ? "" : ",").append(Serialization.asJson(item));
    }
    return sb.append("]}").toString();
  }

  private void collectPodIdentity(Snapshot.Builder b) {
    try {
      for (PodIdentityAssociationSummary a : eks.listPodIdentityAssociationsPaginator(r -> r.clusterName(clusterName))
          .associations()) {
        String role = eks.describePodIdentityAssociation(r -> r.clusterName(clusterName).associationId(a.associationId()))
            .association().roleArn();
        b.addPodIdentityAssociation(new PodIdentityAssociation(a.namespace(), a.serviceAccount(), role));
      }
    } catch (SdkException e) {
      // no Pod Identity API here (older clusters, other endpoints): none known
    }
  }

  private void collectIam(Snapshot.Builder b) {
    b.iamCollected(true);
    Map<String, String> awsManaged = new LinkedHashMap<>();
    for (GetAccountAuthorizationDetailsResponse page : iam.getAccountAuthorizationDetailsPaginator(
        r -> r.filter(EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY))) {
      for (RoleDetail r : page.roleDetailList()) {
        Map<String, dev.irsa.core.policy.PolicyDocument> inline = new LinkedHashMap<>();
        for (PolicyDetail p : r.rolePolicyList()) {
          inline.put(p.policyName(), SnapshotFiles.decodeDocument(p.policyDocument(), "role " + r.arn() + " inline policy "
              + p.policyName()));
        }
        List<String> attached = r.attachedManagedPolicies().stream().map(AttachedPolicy::policyArn).toList();
        attached.stream().filter(a -> a.contains(":iam::aws:policy/")).forEach(a -> awsManaged.put(a, a));
        String boundary = r.permissionsBoundary() == null ? null : r.permissionsBoundary().permissionsBoundaryArn();
        b.addRole(new IamRole(r.arn(), r.roleName(), SnapshotFiles.decodeDocument(r.assumeRolePolicyDocument(),
            "role " + r.arn() + " trust policy"), attached, inline, java.util.Optional.ofNullable(boundary)));
      }
      for (ManagedPolicyDetail p : page.policies()) {
        for (PolicyVersion v : p.policyVersionList()) {
          if (Boolean.TRUE.equals(v.isDefaultVersion()) || Objects.equals(v.versionId(), p.defaultVersionId())) {
            b.addManagedPolicy(new ManagedPolicy(p.arn(), p.policyName() == null ? ManagedPolicy.nameOf(p.arn()) : p.policyName(), SnapshotFiles.decodeDocument(v.document(),
                "policy " + p.arn())));
            break;
          }
        }
      }
    }
    for (String arn : awsManaged.keySet()) {   // AWS managed policies a role uses, at their default version
      var policy = iam.getPolicy(r -> r.policyArn(arn)).policy();
      var version = iam.getPolicyVersion(r -> r.policyArn(arn).versionId(policy.defaultVersionId())).policyVersion();
      b.addManagedPolicy(new ManagedPolicy(arn, policy.policyName(), SnapshotFiles.decodeDocument(version.document(),
          "policy " + arn)));
    }
  }

  private void collectProviders(Snapshot.Builder b) {
    b.oidcProvidersCollected(true);
    for (OpenIDConnectProviderListEntry e : iam.listOpenIDConnectProviders().openIDConnectProviderList()) {
      GetOpenIdConnectProviderResponse p = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(e.arn()));
      b.addOidcProvider(new OidcProviderEntry(e.arn(), p.url(), p.clientIDList(), p.thumbprintList()));
    }
  }

  /** Which clients to read through; each part is optional. */
  public static final class Builder {
    private KubernetesClient kubernetes;
    private IamClient iam;
    private EksClient eks;
    private String clusterName;
    private String issuer;

    private Builder() {}

    public Builder kubernetes(KubernetesClient client) {
      this.kubernetes = Objects.requireNonNull(client, "client");
      return this;
    }

    public Builder iam(IamClient client) {
      this.iam = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The EKS client and the cluster's name (for the issuer and Pod Identity associations). */
    public Builder eks(EksClient client, String clusterName) {
      this.eks = Objects.requireNonNull(client, "client");
      this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
      return this;
    }

    /** The cluster's issuer, when known (wins over EKS and discovery). */
    public Builder issuer(String issuerUrl) {
      this.issuer = Objects.requireNonNull(issuerUrl, "issuerUrl");
      return this;
    }

    public LiveCollector build() {
      return new LiveCollector(this);
    }
  }
}
