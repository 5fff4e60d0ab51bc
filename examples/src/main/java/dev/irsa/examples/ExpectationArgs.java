package dev.irsa.examples;

import dev.irsa.verify.expect.Expectation;
import dev.irsa.verify.expect.ExpectedOutcome;
import dev.irsa.verify.expect.Expectations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Expectations from the command line: {@code ACTION=RESOURCE} pairs and a JSON file, an array of
 * {@code {"expect": "allow"|"deny", "action": "...", "resource": "...", "label": "...", "probeKey": {"id": "1"}}}
 * objects (label and probeKey optional)
 * (or {@code {"expect": "identity"}} for the identity check).
 */
final class ExpectationArgs {
  private ExpectationArgs() {}

  static Expectations parse(List<String> allow, List<String> deny, boolean identity, String file) {
    Expectations.Builder b = Expectations.builder();
    if (identity) {
      b.callerIdentity();
    }
    for (String a : allow) {
      b.add(pair("--expect-allow", a, ExpectedOutcome.ALLOW));
    }
    for (String d : deny) {
      b.add(pair("--expect-deny", d, ExpectedOutcome.DENY));
    }
    if (file != null) {
      fromFile(file, b);
    }
    Expectations e = b.build();
    if (e.size() == 0) {
      throw new CliException(2, "no expectations: give --expect-allow, --expect-deny, --expect-identity or --expectations");
    }
    return e;
  }

  private static Expectation pair(String option, String text, ExpectedOutcome outcome) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new CliException(2, option + " must be ACTION=RESOURCE, got: '" + text + "'");
    }
    try {
      return Expectation.of(outcome, text.substring(0, eq), text.substring(eq + 1), "");
    } catch (IllegalArgumentException e) {
      throw new CliException(2, option + " " + text + ": " + e.getMessage());
    }
  }

  private static void fromFile(String file, Expectations.Builder b) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Io.read(file));
    } catch (JacksonException e) {
      throw new CliException(2, file + ": not JSON: " + e.getOriginalMessage() + " at " + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr());
    }
    if (root == null || !root.isArray()) {
      throw new CliException(2, file + ": expected a JSON array of expectations");
    }
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      String where = file + ": [" + i + "]";
      String expect = text(n, "expect", where).toLowerCase(Locale.ROOT);
      if (expect.equals("identity")) {
        b.callerIdentity();
        continue;
      }
      ExpectedOutcome o = switch (expect) {
        case "allow" -> ExpectedOutcome.ALLOW;
        case "deny" -> ExpectedOutcome.DENY;
        default -> throw new CliException(2, where + ".expect: must be allow, deny or identity, got: '" + expect + "'");
      };
      String label = n.has("label") ? text(n, "label", where) : "";
      try {
        Expectation e = Expectation.of(o, text(n, "action", where), text(n, "resource", where), label);
        b.add(n.has("probeKey") ? e.withProbeKey(probeKey(n.get("probeKey"), where)) : e);
      } catch (IllegalArgumentException e) {
        throw new CliException(2, where + ": " + e.getMessage());
      }
    }
  }

  private static Map<String, String> probeKey(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new CliException(2, where + ".probeKey: expected an object of string attributes");
    }
    Map<String, String> key = new LinkedHashMap<>();
    for (String name : n.propertyNames()) {
      key.put(name, text(n, name, where + ".probeKey"));
    }
    return key;
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || !v.isString()) {
      throw new CliException(2, where + "." + field + ": expected a string");
    }
    return v.asString();
  }
}
