package dev.irsa.core.trust;

import dev.irsa.core.arn.Arn;
import dev.irsa.core.arn.InvalidArnException;
import dev.irsa.core.internal.Names;
import dev.irsa.core.internal.Quote;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.Statement;

/**
 * EKS Pod Identity trust policies: {@code pods.eks.amazonaws.com} may {@code sts:AssumeRole} and
 * {@code sts:TagSession}, optionally only for given session tags.
 *
 * <pre>{@code
 * PolicyDocument trust = PodIdentityTrust.builder()
 *     .clusterArn("arn:aws:eks:us-west-2:111122223333:cluster/prod")
 *     .namespace("payments").serviceAccount("api")
 *     .build();
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html">EKS Pod Identity role</a>
 */
public final class PodIdentityTrust {
  /** The service principal of EKS Pod Identity. */
  public static final String SERVICE_PRINCIPAL = "pods.eks.amazonaws.com";
  /** The Sid the EKS console uses. */
  public static final String SID = "AllowEksAuthToAssumeRoleForPodIdentity";

  private PodIdentityTrust() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The unconditioned Pod Identity trust policy. */
  public static PolicyDocument any() {
    return builder().build();
  }

  /** Builds a Pod Identity trust policy. */
  public static final class Builder {
    private String clusterArn;
    private String namespace;
    private String serviceAccount;
    private String sourceOrgId;

    private Builder() {}

    /**
     * Only pods of this cluster ({@code aws:RequestTag/eks-cluster-arn}).
     *
     * @throws IllegalArgumentException if not an EKS cluster ARN
     */
    public Builder clusterArn(String arn) {
      Arn a = Arn.parse(arn);
      if (!a.service().equals("eks") || !a.resource().startsWith("cluster/")) {
        throw new InvalidArnException(arn, "not an EKS cluster ARN (expected arn:<partition>:eks:<region>:<account>:cluster/<name>)");
      }
      this.clusterArn = arn;
      return this;
    }

    /** Only pods in this namespace ({@code aws:RequestTag/kubernetes-namespace}). */
    public Builder namespace(String namespace) {
      this.namespace = Names.namespace(namespace);
      return this;
    }

    /** Only pods of this service account ({@code aws:RequestTag/kubernetes-service-account}). */
    public Builder serviceAccount(String name) {
      this.serviceAccount = Names.subdomain("service account name", name);
      return this;
    }

    /** Only sessions requested from this AWS Organization ({@code aws:SourceOrgId}). */
    public Builder sourceOrgId(String orgId) {
      if (orgId == null || !orgId.matches("o-[a-z0-9]{10,32}")) {
        throw new IllegalArgumentException("organization ID must look like o-abcd123456, got: " + Quote.single(orgId));
      }
      this.sourceOrgId = orgId;
      return this;
    }

    public PolicyDocument build() {
      Statement.Builder s = Statement.builder()
          .sid(SID)
          .allow()
          .principal(Principal.service(SERVICE_PRINCIPAL))
          .addActions("sts:AssumeRole", "sts:TagSession");
      if (clusterArn != null) {
        s.condition("StringEquals", "aws:RequestTag/eks-cluster-arn", clusterArn);
      }
      if (namespace != null) {
        s.condition("StringEquals", "aws:RequestTag/kubernetes-namespace", namespace);
      }
      if (serviceAccount != null) {
        s.condition("StringEquals", "aws:RequestTag/kubernetes-service-account", serviceAccount);
      }
      if (sourceOrgId != null) {
        s.condition("StringEquals", "aws:SourceOrgId", sourceOrgId);
      }
      return PolicyDocument.of(s.build());
    }
  }
}
