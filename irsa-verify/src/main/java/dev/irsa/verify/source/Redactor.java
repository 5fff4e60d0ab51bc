package dev.irsa.verify.source;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of evidence, notes and messages: every known secret (a web identity token, a
 * session's access key id, secret key and session token) is replaced by {@code <redacted>}, and so
 * is anything shaped like a JWT, an AWS secret key assignment or a session token, known or not.
 */
public final class Redactor {
  static final String REDACTED = "<redacted>";
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(?i)((?:secret_?access_?key|session_?token|aws_session_token|aws_secret_access_key|SecretAccessKey|SessionToken|WebIdentityToken)\"?\\s*[:=]\\s*\"?)[^\\s\",}&]+");

  private final List<String> secrets = new CopyOnWriteArrayList<>();

  public Redactor() {}

  /** Remembers a secret to replace wherever it appears (ignored when null or shorter than 8 characters). */
  public Redactor secret(String value) {
    if (value != null && value.length() >= 8) {
      secrets.add(value);
    }
    return this;
  }

  /** The text with every secret replaced. */
  public String apply(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, REDACTED);
    }
    out = JWT.matcher(out).replaceAll(REDACTED);
    return ASSIGNMENT.matcher(out).replaceAll("$1" + REDACTED);
  }

  /** A message for an exception: its class and redacted message. */
  public String describe(Throwable t) {
    Objects.requireNonNull(t, "t");
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + apply(t.getMessage()));
  }
}
