package dev.irsa.examples;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.internal.json.JsonSyntaxException;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.verify.eval.CompiledPolicy;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.eval.EvaluationWarning;
import dev.irsa.verify.eval.MatchedStatement;
import dev.irsa.verify.eval.PolicySet;
import dev.irsa.verify.eval.PolicyType;
import dev.irsa.verify.eval.RequestContext;
import dev.irsa.verify.eval.internal.EvalAccess;
import dev.irsa.verify.eval.internal.PolicyCompiler;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch format of {@code irsa evaluate}: one JSON case per line in, one JSON result per line out.
 *
 * <pre>
 * {"id": "1", "identityPolicies": [doc, ...], "resourcePolicy": doc, "permissionBoundaries": [doc],
 *  "scps": [doc, ...] | [[doc, ...], [doc, ...]], "rcps": (as scps), "sessionPolicy": doc,
 *  "request": {"principal": "arn:...", "action": "s3:GetObject", "resource": "arn:...",
 *              "resourceAccount": "111122223333", "context": {"key": "v" | ["v1", "v2"]}}}
 * </pre>
 * Any of the policy fields may be absent or null; other fields are ignored. A line that is not a
 * valid case gives {@code {"id", "line", "decision": "ERROR", "error"}}: {@code line} is its
 * 1-based line number in the input and the error's position is {@code line:column} there. {@code scps}/{@code
 * rcps} as a flat array are one organization level, as an array of arrays one level each, root
 * first. The context is used as given.
 *
 * <p>A line is read in one pass ({@link CaseScanner}) that records where each policy's text is
 * and hashes it; each policy is looked up in a {@link PolicyCache} by that place and hash, and on a
 * miss compiled where it stands in the line, so a policy that many cases share is compiled at most
 * twice (see the cache) and one seen once is never copied out. Whatever the scan does not check itself (members it does not
 * know, escapes, numbers) is checked by the strict JSON parser before the case is accepted, and
 * syntax errors always come from that parser, so errors name the same path and position either way.
 */
final class CaseCodec {
  /** A parsed case. */
  record Case(String id, PolicySet policies, RequestContext request) {}

  /**
   * A line that is not a valid case; {@code id} is the case's id when it could be read, {@code
   * line} the 1-based input line number.
   */
  static final class CaseException extends RuntimeException {
    private final String id;
    private final int line;

    CaseException(String id, int line, String message) {
      super(message);
      this.id = id;
      this.line = line;
    }

    String id() {
      return id;
    }

    int line() {
      return line;
    }
  }

  private final PolicyCache cache;

  CaseCodec(PolicyCache cache) {
    this.cache = cache;
  }

  /**
   * Parses line {@code lineNumber} of the input.
   *
   * @throws CaseException with a message naming the JSON path and {@code lineNumber:column} of the
   *     problem, and the case's id when it could be read (even from a line that is not valid JSON)
   */
  Case parse(String line, int lineNumber) {
    CaseScanner scan;
    try {
      scan = CaseScanner.scan(line);
    } catch (CaseScanner.SyntaxException e) {
      throw syntax(line, lineNumber, true);
    }
    try {
      Case c = build(scan);
      if (scan.needsStrictCheck()) {
        syntax(line, lineNumber, false);
      }
      return c;
    } catch (PolicyParseException e) {
      syntax(line, lineNumber, false);
      throw new CaseException(scan.id(), lineNumber, at(e.path(), lineNumber, e.column(), e.problem()));
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      syntax(line, lineNumber, false);
      throw new CaseException(scan.id(), lineNumber, e.getMessage());
    } catch (CaseScanner.SyntaxException e) {
      throw syntax(line, lineNumber, true);
    }
  }

  /**
   * Checks the line with the strict parser: throws its syntax error, with the id read up to it.
   * When the parser accepts a line the scan refused ({@code mustFail}), the case is refused without
   * a position (a limit of the scan, never expected).
   */
  private static CaseException syntax(String line, int lineNumber, boolean mustFail) {
    JsonNode root;
    try {
      root = JsonParser.parse(line);
    } catch (JsonSyntaxException e) {
      throw new CaseException(scanId(line), lineNumber, at(e.path(), lineNumber, e.column(), e.problem()));
    }
    if (!(root instanceof JsonNode.Obj)) {
      throw new CaseException(null, lineNumber, at("$", lineNumber, root.column(),
          "expected a case (an object), got " + root.kind()));
    }
    if (mustFail) {
      throw new CaseException(scanId(line), lineNumber, "$ " + lineNumber + ":1: this case could not be read");
    }
    return null;
  }

  private static String at(String path, int line, int column, String problem) {
    return path + " " + line + ":" + column + ": " + problem;
  }

  private Case build(CaseScanner s) {
    PolicySet.Builder b = PolicySet.builder();
    List<CaseScanner.Span> identity = policies(s, s.member("identityPolicies"), "$.identityPolicies");
    for (int i = 0; i < identity.size(); i++) {
      b.addIdentityPolicy("identity[" + i + "]", compile(s, identity.get(i), "$.identityPolicies", i, -1));
    }
    CaseScanner.Span resource = present(s.member("resourcePolicy"));
    if (resource != null) {
      b.resourcePolicy("resource", compile(s, resource, "$.resourcePolicy", -1, -1));
    }
    List<CaseScanner.Span> boundaries = policies(s, s.member("permissionBoundaries"), "$.permissionBoundaries");
    for (int i = 0; i < boundaries.size(); i++) {
      b.addPermissionsBoundary("boundary[" + i + "]",
          compile(s, boundaries.get(i), "$.permissionBoundaries", i, -1));
    }
    CaseScanner.Span session = present(s.member("sessionPolicy"));
    if (session != null) {
      b.sessionPolicy("session", compile(s, session, "$.sessionPolicy", -1, -1));
    }
    for (List<PolicySet.Named> level : levels(s, "scps", "scp")) {
      b.addScpLevelNamed(level);
    }
    for (List<PolicySet.Named> level : levels(s, "rcps", "rcp")) {
      b.addRcpLevelNamed(level);
    }
    return new Case(s.id(), b.build(), s.request());
  }

  private static CaseScanner.Span present(CaseScanner.Span span) {
    return span == null || span.kind().equals("null") ? null : span;
  }

  private static List<CaseScanner.Span> policies(CaseScanner s, CaseScanner.Span span, String path) {
    if (present(span) == null) {
      return List.of();
    }
    if (!span.kind().equals("array")) {
      throw new PolicyParseException(path, 1, s.column(span.start()), "expected an array of policies, got " + span.kind());
    }
    return s.elements(span);
  }

  /**
   * A policy from its text: from the cache, or compiled with its errors placed in the line. Its
   * path is {@code base}, then {@code [i]} and {@code [j]} when not -1 (made only for an error).
   */
  private CompiledPolicy compile(CaseScanner s, CaseScanner.Span span, String base, int i, int j) {
    CompiledPolicy p = cache.get(s.line(), span.start(), span.end(), span.hash());
    if (p != null) {
      return p;
    }
    try {
      p = EvalAccess.policy(PolicyCompiler.compile(s.line(), s.bytes(), span.start(), span.end()));
    } catch (PolicyParseException e) {
      String path = i < 0 ? base : j < 0 ? JsonPath.index(base, i) : JsonPath.index(JsonPath.index(base, i), j);
      throw new PolicyParseException(path + e.path().substring(1), 1, s.column(span.start()) + e.column() - 1, e.problem());
    }
    cache.put(s.line(), span.start(), span.end(), span.hash(), p);
    return p;
  }

  private List<List<PolicySet.Named>> levels(CaseScanner s, String field, String label) {
    CaseScanner.Span span = present(s.member(field));
    List<List<PolicySet.Named>> out = new ArrayList<>();
    if (span == null) {
      return out;
    }
    String path = JsonPath.member("$", field);
    if (!span.kind().equals("array")) {
      throw new PolicyParseException(path, 1, s.column(span.start()),
          "expected an array of policies or of levels, got " + span.kind());
    }
    List<CaseScanner.Span> elements = s.elements(span);
    boolean nested = !elements.isEmpty() && elements.get(0).kind().equals("array");
    if (!nested) {
      List<PolicySet.Named> level = new ArrayList<>();
      for (int i = 0; i < elements.size(); i++) {
        level.add(new PolicySet.Named(label + "[0][" + i + "]", compile(s, elements.get(i), path, i, -1)));
      }
      if (!level.isEmpty()) {
        out.add(level);
      }
      return out;
    }
    for (int l = 0; l < elements.size(); l++) {
      CaseScanner.Span ln = elements.get(l);
      String lpath = JsonPath.index(path, l);
      if (!ln.kind().equals("array")) {
        throw new PolicyParseException(lpath, 1, s.column(ln.start()),
            "expected a level (an array of policies), got " + ln.kind());
      }
      List<CaseScanner.Span> policies = s.elements(ln);
      List<PolicySet.Named> level = new ArrayList<>();
      for (int i = 0; i < policies.size(); i++) {
        level.add(new PolicySet.Named(label + "[" + l + "][" + i + "]",
            compile(s, policies.get(i), path, l, i)));
      }
      out.add(level);
    }
    return out;
  }

  /**
   * The top-level {@code "id"} (a string or a number) of a line that is not valid JSON, read up
   * to the first syntax error; null when there is none.
   */
  static String scanId(String line) {
    int depth = 0;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char ch = line.charAt(i);
      if (ch == '"') {
        int end = stringEnd(line, i);
        if (end < 0) {
          return null;
        }
        if (depth == 1 && line.startsWith("\"id\"", i) && end == i + 3) {
          int j = skipSpace(line, end + 1);
          if (j < n && line.charAt(j) == ':') {
            j = skipSpace(line, j + 1);
            if (j < n && line.charAt(j) == '"') {
              int vend = stringEnd(line, j);
              if (vend < 0) {
                return null;
              }
              try {
                return ((JsonNode.Str) JsonParser.parse(line.substring(j, vend + 1))).value();
              } catch (JsonSyntaxException e) {
                return null;
              }
            }
            int k = j;
            while (k < n && (Character.isDigit(line.charAt(k)) || "-+.eE".indexOf(line.charAt(k)) >= 0)) {
              k++;
            }
            return k > j ? line.substring(j, k) : null;
          }
        }
        i = end + 1;
        continue;
      }
      if (ch == '{' || ch == '[') {
        depth++;
      } else if (ch == '}' || ch == ']') {
        depth--;
      }
      i++;
    }
    return null;
  }

  /** Index of the quote closing the string that opens at {@code start}, or -1. */
  private static int stringEnd(String s, int start) {
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * One result line: {@code {"id", "decision", "matched": [...], "blockedBy": [...]}}, plus
   * {@code "warnings": [{"code", "message", "suggestions"}]} when the catalog has any.
   */
  static String write(String id, EvaluationResult r) {
    StringBuilder out = new StringBuilder(128);
    write(out, id, r);
    return out.toString();
  }

  /** Appends {@link #write(String, EvaluationResult)}'s line to {@code out}. */
  static void write(StringBuilder out, String id, EvaluationResult r) {
    JsonWriter w = new JsonWriter(out, false);
    w.beginObject();
    id(w, id);
    w.name("decision").value(r.decision().name());
    w.name("matched").beginArray();
    for (MatchedStatement m : r.matched()) {
      w.beginObject().name("policy").value(m.policy()).name("statement").raw(Integer.toString(m.statement()));
      m.sid().ifPresent(s -> w.name("sid").value(s));
      w.endObject();
    }
    w.endArray();
    w.name("blockedBy").beginArray();
    for (PolicyType t : r.blockedBy()) {
      w.value(t.label());
    }
    w.endArray();
    if (!r.warnings().isEmpty()) {
      w.name("warnings").beginArray();
      for (EvaluationWarning x : r.warnings()) {
        w.beginObject().name("code").value(x.code().name()).name("message").value(x.message());
        if (!x.suggestions().isEmpty()) {
          w.name("suggestions").beginArray();
          x.suggestions().forEach(w::value);
          w.endArray();
        }
        w.endObject();
      }
      w.endArray();
    }
    w.endObject();
  }

  /** An ERROR line: {@code {"id", "line", "decision": "ERROR", "error"}}, {@code line} 1-based in the input. */
  static String writeError(String id, int line, String message) {
    JsonWriter w = new JsonWriter(false);
    w.beginObject();
    id(w, id);
    w.name("line").raw(Integer.toString(line));
    w.name("decision").value("ERROR");
    w.name("error").value(message);
    w.endObject();
    return w.toString();
  }

  private static void id(JsonWriter w, String id) {
    w.name("id");
    if (id == null) {
      w.raw("null");
    } else {
      w.value(id);
    }
  }
}
