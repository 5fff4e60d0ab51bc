/**
 * IRSA on a Kubernetes cluster through fabric8's {@code KubernetesClient}: service-account annotations,
 * workloads under a service account, test pods, token requests and issuer discovery. The front door
 * is {@link dev.irsa.k8s.IrsaKubernetes#using(io.fabric8.kubernetes.client.KubernetesClient)}; the
 * caller owns the client.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false))
package dev.irsa.k8s;

import org.immutables.value.Value;
