package dev.irsa.verify.source;

import java.util.Set;

/**
 * Classifies an AWS service's answer to a probe: access denied, not found (the caller was allowed
 * to ask), a token or trust error, or something else.
 *
 * <p>Deny codes: S3 {@code AccessDenied} (HTTP 403; HEAD requests carry no body, so a bare 403 is a
 * deny too), DynamoDB {@code AccessDeniedException}, EC2-style {@code UnauthorizedOperation}. STS
 * answers a token it does not accept with {@code InvalidIdentityToken}, {@code ExpiredTokenException}
 * or {@code IDPRejectedClaim}, and a trust policy that does not allow the caller with
 * {@code AccessDenied} on AssumeRoleWithWebIdentity.
 */
public final class ServiceErrors {
  /** What an error means for a check. */
  public enum Kind {
    /** The request was authorized and the resource is missing: the caller was allowed to ask. */
    NOT_FOUND,
    ACCESS_DENIED,
    TOKEN_OR_TRUST,
    OTHER
  }

  private static final Set<String> DENY = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
      "UnauthorizedAccess", "AuthorizationError", "Forbidden");
  private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchBucket", "NotFound", "NoSuchEntity",
      "ResourceNotFoundException", "TableNotFoundException");
  private static final Set<String> TOKEN = Set.of("InvalidIdentityToken", "InvalidIdentityTokenException",
      "ExpiredTokenException", "ExpiredToken", "IDPRejectedClaim", "IDPRejectedClaimException",
      "IDPCommunicationError", "InvalidClientTokenId");

  private ServiceErrors() {}

  /**
   * @param assumeRole true for AssumeRoleWithWebIdentity (where AccessDenied means the trust policy refused)
   * @param status the HTTP status, or 0 when unknown
   * @param code the error code, or null
   */
  public static Kind classify(boolean assumeRole, int status, String code) {
    if (code != null && TOKEN.contains(code)) {
      return Kind.TOKEN_OR_TRUST;
    }
    if (code != null && DENY.contains(code) || (code == null || code.isEmpty() || code.equals("403")) && status == 403) {
      return assumeRole ? Kind.TOKEN_OR_TRUST : Kind.ACCESS_DENIED;
    }
    if (code != null && NOT_FOUND.contains(code) || (code == null || code.isEmpty() || code.equals("404")) && status == 404) {
      return Kind.NOT_FOUND;
    }
    return Kind.OTHER;
  }
}
