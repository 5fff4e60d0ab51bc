package dev.irsa.core.internal;

import java.util.regex.Pattern;

/** Validation of the names IRSA deals with; every message quotes the bad value. */
public final class Names {
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]+");
  private static final Pattern IAM_PATH = Pattern.compile("/|/[\\u0021-\\u007E]*/");

  private Names() {}

  /** A Kubernetes namespace: a DNS-1123 label (lowercase alphanumerics and '-', at most 63). */
  public static String namespace(String ns) {
    return label("namespace", ns);
  }

  /** A DNS-1123 label. */
  public static String label(String what, String v) {
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (v.length() > 63 || !DNS1123_LABEL.matcher(v).matches()) {
      throw new IllegalArgumentException(what + " must be a DNS-1123 label (lowercase letters, digits and '-', "
          + "starting and ending with a letter or digit, at most 63 characters), got: " + Quote.single(v));
    }
    return v;
  }

  /** A Kubernetes object name such as a service account: a DNS-1123 subdomain (at most 253). */
  public static String subdomain(String what, String v) {
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (v.length() > 253 || !DNS1123_SUBDOMAIN.matcher(v).matches()) {
      throw new IllegalArgumentException(what + " must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', "
          + "at most 253 characters), got: " + Quote.single(v));
    }
    return v;
  }

  /** A 12-digit AWS account ID. */
  public static String account(String v) {
    if (v == null || !ACCOUNT.matcher(v).matches()) {
      throw new IllegalArgumentException("AWS account ID must be 12 digits, got: " + Quote.single(v));
    }
    return v;
  }

  /** An IAM role name: 1-64 of letters, digits and {@code +=,.@_-}. */
  public static String roleName(String v) {
    return iamName("role name", v, 64);
  }

  /** An IAM policy name: 1-128 of letters, digits and {@code +=,.@_-}. */
  public static String policyName(String v) {
    return iamName("policy name", v, 128);
  }

  /** An IAM role session name: 2-64 of letters, digits and {@code +=,.@_-}. */
  public static String sessionName(String v) {
    iamName("role session name", v, 64);
    if (v.length() < 2) {
      throw new IllegalArgumentException("role session name must be 2 to 64 characters, got: " + Quote.single(v));
    }
    return v;
  }

  private static String iamName(String what, String v, int max) {
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (v.length() > max || !IAM_NAME.matcher(v).matches()) {
      throw new IllegalArgumentException(what + " must be 1 to " + max
          + " letters, digits or +=,.@_- characters, got: " + Quote.single(v));
    }
    return v;
  }

  /** An IAM path: {@code /} or {@code /a/b/}, at most 512 printable ASCII characters. */
  public static String path(String v) {
    if (v == null || v.length() > 512 || !IAM_PATH.matcher(v).matches()) {
      throw new IllegalArgumentException("IAM path must begin and end with '/' and contain only printable ASCII "
          + "(at most 512 characters), got: " + Quote.single(v));
    }
    return v;
  }
}
