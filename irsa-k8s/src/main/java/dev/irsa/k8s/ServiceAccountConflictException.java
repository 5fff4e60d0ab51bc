package dev.irsa.k8s;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.ServiceAccountRef;

/** A service account is already annotated with another role and the caller did not ask to override it. */
public final class ServiceAccountConflictException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient ServiceAccountRef serviceAccount;
  private final String existingRole;
  private final transient RoleArn requestedRole;

  ServiceAccountConflictException(ServiceAccountRef serviceAccount, String existingRole, RoleArn requestedRole) {
    super("service account " + serviceAccount + " is already annotated with role " + existingRole
        + "; pass overrideExisting(true) to replace it with " + requestedRole);
    this.serviceAccount = serviceAccount;
    this.existingRole = existingRole;
    this.requestedRole = requestedRole;
  }

  public ServiceAccountRef serviceAccount() {
    return serviceAccount;
  }

  /** The annotation's current value, as written (it may not be a valid ARN). */
  public String existingRole() {
    return existingRole;
  }

  public RoleArn requestedRole() {
    return requestedRole;
  }
}
