package dev.irsa.verify.eval.internal;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test fixtures' reader and writer of the batch format of {@code irsa evaluate} (the command's
 * own codec lives in examples, {@code dev.irsa.examples.CaseCodec}; the library does not know the
 * wire format): one JSON case per line in, one JSON result per line out.
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
 */
public final class CaseCodec {
  private CaseCodec() {}

  /** A parsed case. */
  public record Case(String id, PolicySet policies, RequestContext request) {}

  /**
   * A line that is not a valid case; {@code id} is the case's id when it could be read, {@code
   * line} the 1-based input line number.
   */
  public static final class CaseException extends RuntimeException {
    private final String id;
    private final int line;

    public CaseException(String id, int line, String message) {
      super(message);
      this.id = id;
      this.line = line;
    }

    public String id() {
      return id;
    }

    public int line() {
      return line;
    }
  }

  /**
   * Parses one case (line 1 of its input).
   *
   * @throws CaseException as {@link #parse(String, int)}
   */
  public static Case parse(String line) {
    return parse(line, 1);
  }

  /**
   * Parses one line, line {@code lineNumber} of the input.
   *
   * @throws CaseException with a message naming the JSON path and {@code lineNumber:column} of the
   *     problem, and the case's id when it could be read (even from a line that is not valid JSON)
   */
  public static Case parse(String line, int lineNumber) {
    JsonNode root;
    try {
      root = JsonParser.parse(line);
    } catch (JsonSyntaxException e) {
      throw new CaseException(scanId(line), lineNumber, at(e.path(), lineNumber, e.column(), e.problem()));
    }
    if (!(root instanceof JsonNode.Obj obj)) {
      throw new CaseException(null, lineNumber, at("$", lineNumber, root.column(),
          "expected a case (an object), got " + root.kind()));
    }
    String id = obj.get("id") instanceof JsonNode.Str s ? s.value()
        : obj.get("id") instanceof JsonNode.Num n ? n.text() : null;
    try {
      PolicySet.Builder b = PolicySet.builder();
      for (Policy p : list(obj, "identityPolicies")) {
        b.addIdentityPolicy("identity[" + p.index + "]", p.policy);
      }
      JsonNode resource = present(obj.get("resourcePolicy"));
      if (resource != null) {
        b.resourcePolicy("resource", compile(resource, "$.resourcePolicy"));
      }
      for (Policy p : list(obj, "permissionBoundaries")) {
        b.addPermissionsBoundary("boundary[" + p.index + "]", p.policy);
      }
      JsonNode session = present(obj.get("sessionPolicy"));
      if (session != null) {
        b.sessionPolicy("session", compile(session, "$.sessionPolicy"));
      }
      for (List<PolicySet.Named> level : levels(obj, "scps", "scp")) {
        b.addScpLevelNamed(level);
      }
      for (List<PolicySet.Named> level : levels(obj, "rcps", "rcp")) {
        b.addRcpLevelNamed(level);
      }
      return new Case(id, b.build(), request(obj.get("request")));
    } catch (PolicyParseException e) {
      throw new CaseException(id, lineNumber, at(e.path(), lineNumber, e.column(), e.problem()));
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      throw new CaseException(id, lineNumber, e.getMessage());
    }
  }

  private static String at(String path, int line, int column, String problem) {
    return path + " " + line + ":" + column + ": " + problem;
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
        if (depth == 1 && line.substring(i, end + 1).equals("\"id\"")) {
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

  private record Policy(int index, CompiledPolicy policy) {}

  private static JsonNode present(JsonNode n) {
    return n == null || n instanceof JsonNode.Null ? null : n;
  }

  private static CompiledPolicy compile(JsonNode node, String path) {
    return EvalAccess.policy(PolicyCompiler.compile(node, path));
  }

  private static List<Policy> list(JsonNode.Obj obj, String field) {
    JsonNode n = present(obj.get(field));
    List<Policy> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    String path = JsonPath.member("$", field);
    if (!(n instanceof JsonNode.Arr arr)) {
      throw new PolicyParseException(path, n.line(), n.column(), "expected an array of policies, got " + n.kind());
    }
    for (int i = 0; i < arr.elements().size(); i++) {
      out.add(new Policy(i, compile(arr.elements().get(i), JsonPath.index(path, i))));
    }
    return out;
  }

  private static List<List<PolicySet.Named>> levels(JsonNode.Obj obj, String field, String label) {
    JsonNode n = present(obj.get(field));
    List<List<PolicySet.Named>> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    String path = JsonPath.member("$", field);
    if (!(n instanceof JsonNode.Arr arr)) {
      throw new PolicyParseException(path, n.line(), n.column(), "expected an array of policies or of levels, got " + n.kind());
    }
    boolean nested = !arr.elements().isEmpty() && arr.elements().get(0) instanceof JsonNode.Arr;
    if (!nested) {
      List<PolicySet.Named> level = new ArrayList<>();
      for (int i = 0; i < arr.elements().size(); i++) {
        level.add(new PolicySet.Named(label + "[0][" + i + "]", compile(arr.elements().get(i), JsonPath.index(path, i))));
      }
      if (!level.isEmpty()) {
        out.add(level);
      }
      return out;
    }
    for (int l = 0; l < arr.elements().size(); l++) {
      JsonNode ln = arr.elements().get(l);
      String lpath = JsonPath.index(path, l);
      if (!(ln instanceof JsonNode.Arr levelArr)) {
        throw new PolicyParseException(lpath, ln.line(), ln.column(), "expected a level (an array of policies), got " + ln.kind());
      }
      List<PolicySet.Named> level = new ArrayList<>();
      for (int i = 0; i < levelArr.elements().size(); i++) {
        level.add(new PolicySet.Named(label + "[" + l + "][" + i + "]",
            compile(levelArr.elements().get(i), JsonPath.index(lpath, i))));
      }
      out.add(level);
    }
    return out;
  }

  private static RequestContext request(JsonNode n) {
    if (!(n instanceof JsonNode.Obj r)) {
      int line = n == null ? 1 : n.line();
      int col = n == null ? 1 : n.column();
      throw new PolicyParseException("$.request", line, col, n == null ? "missing request" : "expected an object, got " + n.kind());
    }
    RequestContext.Builder b = RequestContext.builder();
    JsonNode principal = present(r.get("principal"));
    if (principal != null) {
      set(principal, "$.request.principal", b::principal);
    }
    set(required(r, "action"), "$.request.action", b::action);
    set(required(r, "resource"), "$.request.resource", b::resource);
    JsonNode account = present(r.get("resourceAccount"));
    if (account != null) {
      set(account, "$.request.resourceAccount", b::resourceAccount);
    }
    JsonNode ctx = present(r.get("context"));
    if (ctx != null) {
      if (!(ctx instanceof JsonNode.Obj c)) {
        throw new PolicyParseException("$.request.context", ctx.line(), ctx.column(), "expected an object, got " + ctx.kind());
      }
      for (Map.Entry<String, JsonNode> e : c.members().entrySet()) {
        String path = JsonPath.member("$.request.context", e.getKey());
        if (e.getValue() instanceof JsonNode.Arr arr) {
          List<String> values = new ArrayList<>();
          for (int i = 0; i < arr.elements().size(); i++) {
            values.add(text(arr.elements().get(i), JsonPath.index(path, i)));
          }
          b.context(e.getKey(), values);
        } else {
          b.context(e.getKey(), text(e.getValue(), path));
        }
      }
    }
    return b.build();
  }

  /** Sets a request field, reporting a value the builder rejects at its path and position. */
  private static void set(JsonNode n, String path, java.util.function.Consumer<String> setter) {
    String v = text(n, path);
    try {
      setter.accept(v);
    } catch (IllegalArgumentException e) {
      throw new PolicyParseException(path, n.line(), n.column(), e.getMessage());
    }
  }

  private static JsonNode required(JsonNode.Obj r, String field) {
    JsonNode n = present(r.get(field));
    if (n == null) {
      throw new PolicyParseException("$.request", r.line(), r.column(), "missing " + field);
    }
    return n;
  }

  private static String text(JsonNode n, String path) {
    if (n instanceof JsonNode.Str s) {
      return s.value();
    }
    if (n instanceof JsonNode.Num num) {
      return num.text();
    }
    if (n instanceof JsonNode.Bool b) {
      return Boolean.toString(b.value());
    }
    throw new PolicyParseException(path, n.line(), n.column(), "expected a string, got " + n.kind());
  }

  /**
   * One result line: {@code {"id", "decision", "matched": [...], "blockedBy": [...]}}, plus
   * {@code "warnings": [{"code", "message", "suggestions"}]} when the catalog has any.
   */
  public static String write(String id, EvaluationResult r) {
    JsonWriter w = new JsonWriter(false);
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
    return w.toString();
  }

  /** An ERROR line: {@code {"id", "line", "decision": "ERROR", "error"}}, {@code line} 1-based in the input. */
  public static String writeError(String id, int line, String message) {
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
