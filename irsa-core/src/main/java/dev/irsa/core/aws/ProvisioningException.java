package dev.irsa.core.aws;

import java.util.Optional;

/**
 * An IAM call failed while provisioning or tearing down: which operation, on which resource, IAM's
 * error code and what to do. The SDK's exception is the cause.
 *
 * <pre>
 * CreatePolicyVersion arn:aws:iam::111122223333:policy/app failed: LimitExceeded: A managed policy can have up to 5 versions.
 * (an IAM quota was reached; run apply again ...)
 * </pre>
 */
public class ProvisioningException extends RuntimeException {
  private final String operation;
  private final String resource;
  private final String errorCode;

  public ProvisioningException(String operation, String resource, String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.resource = resource;
    this.errorCode = errorCode;
  }

  /** The IAM operation, e.g. {@code CreateRole}. */
  public String operation() {
    return operation;
  }

  /** The ARN of the resource concerned. */
  public String resource() {
    return resource;
  }

  /** IAM's error code ({@code EntityAlreadyExists}, {@code NoSuchEntity}, {@code LimitExceeded}, ...), if any. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }
}
