package dev.irsa.verify.eval.internal;

import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.internal.Latin1;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonSyntaxException;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.policy.internal.FastPolicyReader;
import dev.irsa.core.policy.internal.ParsedPolicy;
import dev.irsa.core.policy.internal.PolicyCodec;
import dev.irsa.core.policy.internal.SourceMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a policy document into {@link CompiledStatement}s, rejecting what IAM would not evaluate
 * (unknown condition operators, {@code Null} with {@code IfExists}, condition values their operator
 * cannot read) with a {@link PolicyParseException} that carries the JSON path and line:column.
 */
public final class PolicyCompiler {
  // Policies repeat their patterns (an action, a bucket ARN, a condition): each is compiled once
  // and shared, as matchers are immutable. Bounded: see Memo.
  private static final Memo<String, Glob> ACTIONS = new Memo<>(16384);
  private static final Memo<String, ArnPattern> RESOURCES = new Memo<>(8192);
  private static final Memo<String, ArnPattern> RESOURCES_LITERAL = new Memo<>(1024);
  private static final Memo<Condition, ConditionMatcher> CONDITIONS = new Memo<>(16384);
  private static final Memo<Condition, ConditionMatcher> CONDITIONS_LITERAL = new Memo<>(1024);
  private static final Memo<Principal, PrincipalMatcher> PRINCIPALS = new Memo<>(1024);

  private PolicyCompiler() {}

  /** The parsed document and its statements. */
  public record Compiled(PolicyDocument document, CompiledStatement[] statements) {}

  /**
   * Parses and compiles JSON text: a plainly valid policy straight from its characters ({@link
   * FastPolicyReader}), anything else through the JSON tree, which gives the error's path and
   * position. The source map is made only when a condition does not compile.
   */
  public static Compiled compile(String json) {
    return compile(json, Latin1.bytes(json), 0, json.length());
  }

  /** Through the JSON tree: the document, or the error with its path and position. */
  private static Compiled compileThroughTree(String json) {
    JsonNode root;
    try {
      root = JsonParser.parse(json);
    } catch (JsonSyntaxException e) {
      throw new PolicyParseException(e.path(), e.line(), e.column(), e.problem());
    }
    return compile(root, "$");
  }

  /**
   * As {@link #compile(String)}, for the policy in {@code text}'s characters {@code [from, to)}
   * (a batch line), read in place when plainly valid; {@code latin1} is {@code
   * Latin1.bytes(text)}, one byte per char. Errors are positioned in the policy's own text.
   */
  public static Compiled compile(String text, byte[] latin1, int from, int to) {
    PolicyDocument doc = FastPolicyReader.tryRead(text, latin1, from, to);
    if (doc != null) {
      return compile(doc, () -> PolicyCodec.readPositioned(text.substring(from, to)).sourceMap());
    }
    return compileThroughTree(text.substring(from, to));
  }

  /** Compiles a policy embedded in larger JSON; paths start at {@code rootPath}. */
  public static Compiled compile(JsonNode root, String rootPath) {
    ParsedPolicy parsed = PolicyCodec.readPositioned(root, rootPath);
    return compile(parsed.document(), () -> parsed.sourceMap());
  }

  /** Compiles a document built in code; errors point into its pretty-printed JSON. */
  public static Compiled compile(PolicyDocument doc) {
    return compile(doc, () -> PolicyCodec.sourceMap(doc, true));
  }

  /** {@code positions} is asked only when a condition does not compile. */
  private static Compiled compile(PolicyDocument doc, Supplier<SourceMap> positions) {
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
          throw locate(positions.get(), i, c, e);
        }
      }
      out[i] = new CompiledStatement(s, i, actions, resources, principal, conditions);
    }
    return new Compiled(doc, out);
  }

  /** The operator of condition {@code c} of statement {@code statement}, or the value the error names. */
  private static PolicyParseException locate(SourceMap map, int statement, int c, ConditionMatcher.CompileException e) {
    SourceMap.ConditionSpan span = map.statement(statement).condition(c);
    SourceMap.Position at = e.valueIndex() >= 0 ? span.value(e.valueIndex()) : span.operator();
    return new PolicyParseException(at.path(), at.line(), at.column(), e.getMessage());
  }
}
