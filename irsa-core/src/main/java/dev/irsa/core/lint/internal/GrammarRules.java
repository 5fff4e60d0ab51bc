package dev.irsa.core.lint.internal;

import dev.irsa.core.internal.Quote;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.Severity;
import dev.irsa.core.lint.internal.LintContext.Located;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.policy.internal.PolicyReader;
import dev.irsa.core.policy.internal.StatementGrammar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grammar of documents and statements ({@link StatementGrammar}, collecting every violation
 * where the parser stops at the first), Sids, and which principal elements each kind allows.
 */
final class GrammarRules {
  private final LintContext cx;
  private final Findings out;

  GrammarRules(LintContext cx) {
    this.cx = cx;
    this.out = cx.findings;
  }

  /** Checks the document's elements and returns the statements that parsed, with their positions. */
  List<Located> document(JsonNode root) {
    List<Located> parsed = new ArrayList<>();
    if (!(root instanceof JsonNode.Obj doc)) {
      out.add(FindingCode.INVALID_ELEMENT, "$", "expected a policy document (an object), got " + root.kind());
      return parsed;
    }
    String version = documentElements(doc);
    cx.variablesSubstituted = PolicyDocument.VERSION_2012_10_17.equals(version);
    JsonNode statements = doc.get("Statement");
    String spath = JsonPath.member("$", "Statement");
    if (statements == null) {
      out.add(FindingCode.INVALID_ELEMENT, "$", "missing Statement: add an array of statements");
    } else if (statements instanceof JsonNode.Obj o) {
      statement(spath, o, parsed);
    } else if (statements instanceof JsonNode.Arr arr) {
      if (arr.elements().isEmpty()) {
        out.add(FindingCode.INVALID_ELEMENT, spath, "Statement is empty: add at least one statement");
      }
      for (int i = 0; i < arr.elements().size(); i++) {
        JsonNode e = arr.elements().get(i);
        String p = JsonPath.index(spath, i);
        if (e instanceof JsonNode.Obj o) {
          statement(p, o, parsed);
        } else {
          out.add(FindingCode.INVALID_ELEMENT, p, "expected a statement (an object), got " + e.kind());
        }
      }
    } else {
      out.add(FindingCode.INVALID_ELEMENT, spath, "expected a statement object or an array of them, got "
          + statements.kind());
    }
    return parsed;
  }

  /** Version, Id and unknown document elements; the valid Version, or null. */
  private String documentElements(JsonNode.Obj doc) {
    String version = null;
    for (Map.Entry<String, JsonNode> m : doc.members().entrySet()) {
      String path = JsonPath.member("$", m.getKey());
      JsonNode v = m.getValue();
      switch (m.getKey()) {
        case "Version" -> {
          if (!(v instanceof JsonNode.Str s)) {
            out.add(FindingCode.INVALID_VERSION, path, "Version must be the string \"2012-10-17\", got " + v.kind());
          } else if (!StatementGrammar.isVersion(s.value())) {
            out.add(FindingCode.INVALID_VERSION, path, "Version must be \"2012-10-17\" (or the old \"2008-10-17\"),"
                + " got \"" + s.value() + "\"; it is a fixed language version, not today's date");
          } else {
            version = s.value();
          }
        }
        case "Id" -> {
          if (!(v instanceof JsonNode.Str)) {
            out.add(FindingCode.INVALID_ELEMENT, path, "Id must be a string, got " + v.kind());
          }
        }
        case "Statement" -> { }
        default -> out.add(FindingCode.UNKNOWN_ELEMENT, path,
            unknownElement(m.getKey(), StatementGrammar.DOCUMENT_ELEMENTS));
      }
    }
    if (doc.get("Version") == null) {
      out.add(FindingCode.MISSING_VERSION, "$", "no Version: add \"Version\": \"2012-10-17\" (without it policy"
          + " variables such as ${aws:username} are literal text)");
    }
    return version;
  }

  /** Every structural violation of one statement; when there is none, its first shape error, if any. */
  private void statement(String path, JsonNode.Obj node, List<Located> parsed) {
    List<StatementGrammar.Violation> broken = StatementGrammar.structure(path, node);
    for (StatementGrammar.Violation v : broken) {
      switch (v.rule()) {
        case UNKNOWN_ELEMENT -> out.add(FindingCode.UNKNOWN_ELEMENT, v.path(),
            unknownElement(v.element(), StatementGrammar.STATEMENT_ELEMENTS));
        case MISSING_EFFECT -> out.add(FindingCode.MISSING_EFFECT, v.path(),
            "missing Effect: add \"Effect\": \"Allow\" or \"Deny\"");
        case INVALID_EFFECT -> out.add(FindingCode.INVALID_EFFECT, v.path(),
            "Effect must be \"Allow\" or \"Deny\" (case-sensitive), got "
                + (v.at() instanceof JsonNode.Str e ? "\"" + e.value() + "\"" : v.at().kind()));
        case MISSING_ACTION -> out.add(FindingCode.MISSING_ACTION, v.path(), "missing Action: name the actions this"
            + " statement " + (node.get("Effect") instanceof JsonNode.Str e && e.value().equals("Deny")
                ? "denies" : "allows"));
        case CONFLICTING_ELEMENTS -> out.add(FindingCode.CONFLICTING_ELEMENTS, v.path(), "a statement has either "
            + v.pair().positive() + " or " + v.pair().negated() + ", not both: remove one");
        default -> throw new IllegalStateException(v.rule().name());
      }
    }
    if (!broken.isEmpty()) {
      return;
    }
    try {
      PolicyReader.ParsedStatement s = new PolicyReader("$").statement(path, node);
      parsed.add(new Located(s.statement(), s.span()));
    } catch (PolicyParseException e) {
      out.add(FindingCode.INVALID_ELEMENT, e.path(), e.problem());
    }
  }

  private static String unknownElement(String name, List<String> known) {
    String k = StatementGrammar.otherCase(name, known);
    if (k != null) {
      return "unknown element " + Quote.dbl(name) + ": element names are case-sensitive, write " + Quote.dbl(k);
    }
    return "unknown element " + Quote.dbl(name) + ": expected one of " + String.join(", ", known);
  }

  /** Sids used by more than one statement. */
  void duplicateSid(Located l, Map<String, String> sids) {
    Statement s = l.statement();
    if (s.sid().isPresent() && !s.sid().get().isEmpty()) {
      String first = sids.putIfAbsent(s.sid().get(), l.path());
      if (first != null) {
        out.add(FindingCode.DUPLICATE_SID, l.at().element("Sid").path(), "Sid \"" + s.sid().get()
            + "\" is also used by " + first + "; give each statement its own Sid");
      }
    }
  }

  /** A fresh map for {@link #duplicateSid}. */
  static Map<String, String> sids() {
    return new HashMap<>();
  }

  /** The Sid charset (letters and digits in IAM) and policy variables in a Sid. */
  void sid(Located l) {
    String path = l.at().element("Sid").path();
    l.statement().sid().ifPresent(sid -> {
      if (!StatementGrammar.isIamSid(sid)) {
        boolean iam = cx.kind != PolicyKind.RESOURCE;
        out.add(FindingCode.INVALID_SID, iam ? Severity.ERROR : Severity.WARNING, path,
            "Sid \"" + sid + "\" may only contain letters and digits" + (iam ? " in IAM policies" : " in IAM;"
                + " some services accept more") + ": rename it to \"" + StatementGrammar.iamSid(sid) + "\"");
      }
      if (sid.contains("${")) {
        out.add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, path,
            "policy variables are not substituted in Sid; remove \"" + sid + "\"'s ${...}");
      }
    });
  }

  /** Principal and NotPrincipal as the kind allows them, and without policy variables. */
  void principals(Located l) {
    Statement s = l.statement();
    String path = l.path();
    if (cx.kind.forbidsPrincipal()) {
      for (String e : List.of("Principal", "NotPrincipal")) {
        if (l.at().has(e)) {
          out.add(FindingCode.PRINCIPAL_NOT_ALLOWED, l.at().element(e).path(), e + " is not allowed in "
              + article(cx.kind) + " policy (the principal is whoever the policy is attached to): remove it");
        }
      }
    } else if (s.principal().isEmpty() && s.notPrincipal().isEmpty()) {
      out.add(FindingCode.MISSING_PRINCIPAL, path, cx.kind == PolicyKind.TRUST
          ? "missing Principal: a trust policy names who may assume the role, e.g. {\"Federated\": \"<OIDC provider"
              + " ARN>\"}"
          : "missing Principal: a resource policy names who it applies to");
    }
    if (cx.kind == PolicyKind.TRUST && s.notPrincipal().isPresent()) {
      out.add(FindingCode.PRINCIPAL_NOT_ALLOWED, l.at().element("NotPrincipal").path(),
          "NotPrincipal is not allowed in a trust policy: name the principals in Principal");
    }
    variables("Principal", s.principal().orElse(null), l);
    variables("NotPrincipal", s.notPrincipal().orElse(null), l);
  }

  private void variables(String element, Principal p, Located l) {
    if (p != null && p.ids().values().stream().flatMap(List::stream).anyMatch(id -> id.contains("${"))) {
      out.add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, l.at().element(element).path(),
          "policy variables are not substituted in " + element + ": name the principals literally");
    }
  }

  static String article(PolicyKind k) {
    return switch (k) {
      case IDENTITY -> "an identity";
      case SCP -> "an SCP";
      default -> "a " + k.cliName();
    };
  }
}
