package dev.irsa.core.aws;

/**
 * A role or policy exists that irsa did not create (it has no {@link IamProvisioner#OWNER_TAG_KEY}
 * tag), and the caller did not ask to adopt it. Nothing was changed.
 */
public final class OwnershipException extends ProvisioningException {
  public OwnershipException(String operation, String resource, String kind) {
    super(operation, resource, null, kind + " " + resource + " exists and was not created by irsa (no tag "
        + IamProvisioner.OWNER_TAG_KEY + "=" + IamProvisioner.OWNER_TAG_VALUE
        + "); refusing to change it. Adopt it explicitly (ServiceAccountRole.adopt(true), CLI --adopt) "
        + "or choose another name", null);
  }
}
