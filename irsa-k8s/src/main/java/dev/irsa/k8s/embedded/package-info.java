/**
 * An embedded Kubernetes API for demos and tests: fabric8's mock server in CRUD mode on loopback,
 * with the EKS pod identity webhook applied to pods on create, TokenRequest answered with RS256
 * JWTs from a local key, OIDC discovery and JWKS served, and pod exec answered by a pluggable
 * {@link dev.irsa.k8s.embedded.ExecHandler}.
 *
 * <p>Needs {@code io.fabric8:kubernetes-server-mock} on the class path: irsa-k8s declares it
 * {@code optional}, so add it to your own build to use this package.
 */
package dev.irsa.k8s.embedded;
