package dev.irsa.verify.eval.internal;

import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.internal.json.JsonSyntaxException;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.JsonFormat;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.policy.internal.PolicyCodec;
import java.util.List;

/**
 * Turns a policy document into {@link CompiledStatement}s, rejecting what IAM would not evaluate
 * (unknown condition operators, {@code Null} with {@code IfExists}, condition values their operator
 * cannot read) with a {@link PolicyParseException} that carries the JSON path and line:column.
 */
public final class PolicyCompiler {
  // Policies repeat their patterns (an action, a bucket ARN, a condition): each is compiled once
  // and shared, as matchers are immutable. Bounded: see Memo.
  private static final Memo<String, Glob> ACTIONS = new Memo<>(4096);
  private static final Memo<String, ArnPattern> RESOURCES = new Memo<>(4096);
  private static final Memo<String, ArnPattern> RESOURCES_LITERAL = new Memo<>(1024);
  private static final Memo<Condition, ConditionMatcher> CONDITIONS = new Memo<>(4096);
  private static final Memo<Condition, ConditionMatcher> CONDITIONS_LITERAL = new Memo<>(1024);
  private static final Memo<Principal, PrincipalMatcher> PRINCIPALS = new Memo<>(1024);

  private PolicyCompiler() {}

  /** The parsed document and its statements. */
  public record Compiled(PolicyDocument document, CompiledStatement[] statements) {}

  /** Parses and compiles JSON text. */
  public static Compiled compile(String json) {
    JsonNode root;
    try {
      root = JsonParser.parse(json);
    } catch (JsonSyntaxException e) {
      throw new PolicyParseException(e.path(), e.line(), e.column(), e.problem());
    }
    return compile(root, "$");
  }

  /** Compiles a policy embedded in larger JSON; paths start at {@code rootPath}. */
  public static Compiled compile(JsonNode root, String rootPath) {
    PolicyDocument doc = PolicyCodec.read(root, rootPath);
    return compile(doc, root, rootPath);
  }

  /** Compiles a document built in code; errors point into its pretty-printed JSON. */
  public static Compiled compile(PolicyDocument doc) {
    return compile(doc, null, "$");
  }

  private static Compiled compile(PolicyDocument doc, JsonNode root, String rootPath) {
    boolean substitute = doc.supportsPolicyVariables();
    List<Statement> statements = doc.statements();
    CompiledStatement[] out = new CompiledStatement[statements.size()];
    for (int i = 0; i < out.length; i++) {
      Statement s = statements.get(i);
      List<String> actionList = s.actions().isEmpty() ? s.notActions() : s.actions();
      Glob[] actions = new Glob[actionList.size()];
      for (int a = 0; a < actions.length; a++) {
        actions[a] = ACTIONS.get(actionList.get(a), t -> Glob.compile(Ascii.lower(t), false)); // requests lower-case the action once
      }
      List<String> resourceList = s.resources().isEmpty() ? s.notResources() : s.resources();
      ArnPattern[] resources = null;
      if (!resourceList.isEmpty()) {
        resources = new ArnPattern[resourceList.size()];
        for (int r = 0; r < resources.length; r++) {
          resources[r] = (substitute ? RESOURCES : RESOURCES_LITERAL)
              .get(resourceList.get(r), t -> ArnPattern.resource(t, substitute));
        }
      }
      PrincipalMatcher principal = s.principal().or(s::notPrincipal)
          .map(p -> PRINCIPALS.get(p, PrincipalMatcher::compile)).orElse(null);
      List<Condition> conds = s.conditions();
      ConditionMatcher[] conditions = new ConditionMatcher[conds.size()];
      for (int c = 0; c < conditions.length; c++) {
        try {
          conditions[c] = (substitute ? CONDITIONS : CONDITIONS_LITERAL)
              .get(conds.get(c), k -> ConditionMatcher.compile(k, substitute));
        } catch (ConditionMatcher.CompileException e) {
          throw locate(doc, root, rootPath, i, conds.get(c), e);
        }
      }
      out[i] = new CompiledStatement(s, i, actions, resources, principal, conditions);
    }
    return new Compiled(doc, out);
  }

  private static PolicyParseException locate(PolicyDocument doc, JsonNode root, String rootPath, int statement,
      Condition c, ConditionMatcher.CompileException e) {
    if (root == null) {
      root = JsonParser.parse(doc.toJson(JsonFormat.PRETTY));
    }
    String path = rootPath;
    JsonNode at = root;
    JsonNode st = root instanceof JsonNode.Obj o ? o.get("Statement") : null;
    path = JsonPath.member(path, "Statement");
    if (st instanceof JsonNode.Arr arr) {
      path = JsonPath.index(path, statement);
      st = arr.elements().get(statement);
    }
    at = st;
    JsonNode cond = st instanceof JsonNode.Obj so ? so.get("Condition") : null;
    if (cond != null) {
      path = JsonPath.member(path, "Condition");
      at = cond;
      JsonNode op = ((JsonNode.Obj) cond).get(c.operator().name());
      if (op != null) {
        path = JsonPath.member(path, c.operator().name());
        at = op;
        JsonNode key = ((JsonNode.Obj) op).get(c.key());
        if (key != null && e.valueIndex() >= 0) {
          path = JsonPath.member(path, c.key());
          at = key;
          if (key instanceof JsonNode.Arr values && e.valueIndex() < values.elements().size()) {
            path = JsonPath.index(path, e.valueIndex());
            at = values.elements().get(e.valueIndex());
          }
        }
      }
    }
    return new PolicyParseException(path, at.line(), at.column(), e.getMessage());
  }
}
