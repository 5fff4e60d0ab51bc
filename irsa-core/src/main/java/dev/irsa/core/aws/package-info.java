/**
 * Provisioning IRSA in IAM with the AWS SDK: the cluster's OIDC provider, managed and inline
 * policies, and the role that service accounts assume, idempotently, with a read-only
 * {@link dev.irsa.core.aws.IamProvisioner#plan plan} and an {@link dev.irsa.core.aws.IamProvisioner#apply apply}.
 * The SDK dependency of irsa-core is optional: add {@code software.amazon.awssdk:iam} (and {@code eks}
 * for cluster look-ups) to use this package.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false))
package dev.irsa.core.aws;

import org.immutables.value.Value;
