/**
 * Export of a {@link dev.irsa.core.aws.ServiceAccountRole} to infrastructure as code: a CloudFormation
 * template ({@link dev.irsa.core.export.IacExport#cloudFormation}) and Terraform JSON
 * ({@link dev.irsa.core.export.IacExport#terraform}). The IAM documents inside are the canonical JSON
 * that {@link dev.irsa.core.aws.IamProvisioner} writes, so what is reviewed is what gets applied.
 */
package dev.irsa.core.export;
