/** The IAM policy model: documents, statements, principals, conditions; JSON in and out; permission presets. */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false))
package dev.irsa.core.policy;

import org.immutables.value.Value;
