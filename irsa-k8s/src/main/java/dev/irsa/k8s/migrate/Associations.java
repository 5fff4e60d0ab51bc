package dev.irsa.k8s.migrate;

import dev.irsa.core.trust.ServiceAccountRef;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.PodIdentityAssociation;
import software.amazon.awssdk.services.eks.model.PodIdentityAssociationSummary;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** The four EKS Pod Identity association operations a migration uses. */
final class Associations {
  private final EksClient eks;

  Associations(EksClient eks) {
    this.eks = eks;
  }

  /** An association and the role it names. */
  record Existing(String id, String roleArn) {}

  /** The associations of one service account (List, then Describe for the role). */
  List<Existing> of(String cluster, ServiceAccountRef sa) {
    List<Existing> out = new ArrayList<>();
    for (PodIdentityAssociationSummary s : eks.listPodIdentityAssociationsPaginator(r -> r.clusterName(cluster)
        .namespace(sa.namespace()).serviceAccount(sa.name())).associations()) {
      if (!sa.namespace().equals(s.namespace()) || !sa.name().equals(s.serviceAccount())) {
        continue; // a filter the server ignored must not make us act on another service account
      }
      try {
        PodIdentityAssociation a = eks.describePodIdentityAssociation(r -> r.clusterName(cluster)
            .associationId(s.associationId())).association();
        out.add(new Existing(a.associationId(), a.roleArn()));
      } catch (ResourceNotFoundException e) {
        // deleted between List and Describe: not there
      }
    }
    return out;
  }

  /**
   * Creates the association; one that already exists for the same role is success (a re-run after a
   * lost response), one for another role is an {@link IllegalStateException}.
   *
   * @return true when this call created it
   */
  boolean create(String cluster, ServiceAccountRef sa, String roleArn) {
    try {
      eks.createPodIdentityAssociation(r -> r.clusterName(cluster).namespace(sa.namespace()).serviceAccount(sa.name())
          .roleArn(roleArn));
      return true;
    } catch (ResourceInUseException e) {
      List<Existing> now = of(cluster, sa);
      if (now.stream().anyMatch(x -> x.roleArn().equals(roleArn))) {
        return false;
      }
      throw new IllegalStateException("a Pod Identity association for " + sa + " on cluster " + cluster
          + " already names another role (" + now.stream().map(Existing::roleArn).toList() + "): delete it first");
    }
  }

  /** Deletes the association; one already gone is success. */
  void delete(String cluster, String id) {
    try {
      eks.deletePodIdentityAssociation(r -> r.clusterName(cluster).associationId(id));
    } catch (ResourceNotFoundException e) {
      // already gone
    }
  }
}
