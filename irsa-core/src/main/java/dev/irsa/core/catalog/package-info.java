/**
 * The AWS service authorization reference bundled with irsa: services, actions with access levels,
 * resource types with ARN templates, condition keys; action-pattern expansion and suggestions; the
 * IAM permissions SDK operations need. Front door: {@link dev.irsa.core.catalog.ServiceCatalog#aws()}.
 */
package dev.irsa.core.catalog;
