package dev.irsa.core.aws;

/**
 * What {@link IamProvisioner#teardown} does with the clusters' OIDC providers. Only providers irsa
 * created (tagged {@value IamProvisioner#OWNER_TAG_KEY}) are ever deleted. Deleting a provider breaks
 * every role that trusts it, in any namespace, whoever created the role.
 */
public enum OidcProviderDeletion {
  /** Keep them. */
  KEEP,
  /**
   * Delete them unless a role that the teardown does not delete still trusts them: an Allow statement
   * of its trust policy names the provider as a {@code Federated} principal. Those roles are named in
   * the teardown's notes. Checked when planning and again just before deleting.
   */
  UNLESS_TRUSTED,
  /** Delete them even when other roles still trust them (those roles stop working; the change names them). */
  FORCE
}
