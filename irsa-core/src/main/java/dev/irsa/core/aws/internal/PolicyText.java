package dev.irsa.core.aws.internal;

import dev.irsa.core.aws.ProvisioningException;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Policy documents as IAM returns them: URL-encoded (RFC 3986 percent-encoding) in GetRole,
 * GetPolicyVersion and GetRolePolicy. {@link java.net.URLDecoder} is wrong here: it turns {@code +}
 * into a space.
 */
public final class PolicyText {
  private PolicyText() {}

  /** Percent-decodes {@code text} as UTF-8 unless it already is JSON (starts with '{'). */
  public static String decode(String text) {
    if (text.stripLeading().startsWith("{")) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        byte[] b = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  /** Reads a document IAM returned. */
  public static PolicyDocument parse(String operation, String resource, String text) {
    String json = decode(text);
    try {
      return PolicyDocument.fromJson(json);
    } catch (PolicyParseException e) {
      throw new ProvisioningException(operation, resource, null,
          operation + " " + resource + " returned a policy document irsa cannot read: " + e.getMessage(), e);
    }
  }
}
