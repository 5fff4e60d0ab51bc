package dev.irsa.core.aws.internal;

import dev.irsa.core.aws.ProvisioningException;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs IAM calls, turning SDK failures into {@link ProvisioningException}s that name the resource. */
public final class IamCalls {
  private IamCalls() {}

  /** Runs a call. */
  public static <T> T call(String operation, String resource, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw wrap(operation, resource, e);
    }
  }

  /** Runs a read; {@code NoSuchEntity} gives empty. */
  public static <T> Optional<T> find(String operation, String resource, Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (SdkException e) {
      if (isMissing(e)) {
        return Optional.empty();
      }
      throw wrap(operation, resource, e);
    }
  }

  /** Runs a delete; {@code NoSuchEntity} (already gone) gives false. */
  public static boolean delete(String operation, String resource, Runnable call) {
    try {
      call.run();
      return true;
    } catch (SdkException e) {
      if (isMissing(e)) {
        return false;
      }
      throw wrap(operation, resource, e);
    }
  }

  static boolean isMissing(SdkException e) {
    return e instanceof AwsServiceException a && a.awsErrorDetails() != null
        && "NoSuchEntity".equals(a.awsErrorDetails().errorCode());
  }

  /** The exception for a failed call: operation, resource, error code, IAM's message and a hint. */
  public static ProvisioningException wrap(String operation, String resource, SdkException e) {
    String code = null;
    String message = e.getMessage();
    if (e instanceof AwsServiceException a && a.awsErrorDetails() != null) {
      code = a.awsErrorDetails().errorCode();
      message = a.awsErrorDetails().errorMessage();
    }
    StringBuilder b = new StringBuilder(operation).append(' ').append(resource).append(" failed: ");
    if (code != null) {
      b.append(code).append(": ");
    }
    b.append(message == null ? e.getClass().getSimpleName() : message);
    String hint = hint(code);
    if (hint != null) {
      b.append(" (").append(hint).append(')');
    }
    return new ProvisioningException(operation, resource, code, b.toString(), e);
  }

  private static String hint(String code) {
    if (code == null) {
      return "no answer from IAM (network, credentials or region?); once fixed, run again: it continues where "
          + "this run stopped";
    }
    return switch (code) {
      case "EntityAlreadyExists" -> "it was created concurrently; run apply again";
      case "NoSuchEntity" -> "it, or an entity it refers to, does not exist (deleted concurrently?); run apply again";
      case "LimitExceeded" -> "an IAM quota was reached: 5 versions per managed policy, 10 managed policies per role, "
          + "the trust-policy size (ACLSizePerRole) or 100 OIDC providers per account";
      case "MalformedPolicyDocument" -> "IAM rejected the policy document";
      case "DeleteConflict" -> "it is still attached or in use";
      case "ConcurrentModification" -> "another writer changed it at the same time; run apply again";
      case "AccessDenied", "AccessDeniedException" -> "the caller's credentials lack this IAM permission";
      default -> null;
    };
  }
}
