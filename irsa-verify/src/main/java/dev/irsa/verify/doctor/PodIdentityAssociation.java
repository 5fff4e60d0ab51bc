package dev.irsa.verify.doctor;

import java.util.Objects;

/** An EKS Pod Identity association: a service account and the role EKS gives its pods instead of IRSA's. */
public record PodIdentityAssociation(String namespace, String serviceAccount, String roleArn) {
  public PodIdentityAssociation {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    Objects.requireNonNull(roleArn, "roleArn");
  }

  /** {@code namespace/serviceAccount}. */
  public String serviceAccountKey() {
    return namespace + "/" + serviceAccount;
  }
}
