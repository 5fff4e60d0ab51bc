/** IRSA and EKS Pod Identity trust relationships: OIDC providers, service accounts, trust builders. */
package dev.irsa.core.trust;
