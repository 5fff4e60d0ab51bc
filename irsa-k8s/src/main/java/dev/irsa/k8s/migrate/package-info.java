/**
 * Migration of a service account's IRSA setup to EKS Pod Identity, in two phases: roll-out (the role
 * trusts both, the Pod Identity association exists, the workloads restart) and, on request, clean-up
 * (the annotation and the cluster's OIDC trust are removed). Front door: {@link
 * dev.irsa.k8s.migrate.PodIdentityMigration}.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html">EKS Pod Identity</a>
 */
package dev.irsa.k8s.migrate;
