package dev.irsa.verify.eval;

import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.verify.eval.internal.CompiledStatement;
import dev.irsa.verify.eval.internal.EvalAccess;
import dev.irsa.verify.eval.internal.PolicyCompiler;
import dev.irsa.verify.eval.internal.StringTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A policy compiled once for many evaluations: wildcards become linear-time matchers, condition
 * values are parsed, and statements are indexed by the service prefix of their actions so a
 * request only visits statements that can apply. Immutable and thread-safe.
 *
 * <pre>{@code
 * CompiledPolicy p = CompiledPolicy.compile("""
 *     {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""");
 * }</pre>
 */
public final class CompiledPolicy {
  private static final int[] NONE = new int[0];

  static {
    EvalAccess.policies(CompiledPolicy::new);
  }

  private final PolicyDocument document;
  private final CompiledStatement[] statements;
  private final StringTable<int[]> byService;
  private final int[] anyService;

  private CompiledPolicy(PolicyCompiler.Compiled compiled) {
    this.document = compiled.document();
    this.statements = compiled.statements();
    Map<String, int[]> idx = new HashMap<>();
    int[] any = new int[statements.length];
    int anyCount = 0;
    for (CompiledStatement s : statements) {
      String[] services = s.actionServices();
      boolean generic = s.source().actions().isEmpty(); // NotAction can match any service
      for (int a = 0; a < services.length && !generic; a++) {
        generic = services[a] == null;
      }
      if (generic) {
        any[anyCount++] = s.index();
        continue;
      }
      for (String svc : services) {
        int[] at = idx.get(svc); // at[0] counts the indexes that follow it
        if (at == null) {
          idx.put(svc, new int[] {1, s.index(), 0, 0});
        } else if (at[at[0]] != s.index()) {
          if (at[0] + 1 == at.length) {
            at = Arrays.copyOf(at, at.length * 2);
            idx.put(svc, at);
          }
          at[++at[0]] = s.index();
        }
      }
    }
    idx.replaceAll((svc, at) -> Arrays.copyOfRange(at, 1, at[0] + 1));
    this.byService = StringTable.of(idx);
    this.anyService = anyCount == 0 ? NONE : Arrays.copyOf(any, anyCount);
  }

  /**
   * Parses and compiles a policy.
   *
   * @throws PolicyParseException for malformed JSON, a malformed policy, or a condition IAM would
   *     not evaluate (unknown operator, {@code Null} with {@code IfExists}, a value its operator
   *     cannot read), with the JSON path and line:column
   */
  public static CompiledPolicy compile(String json) {
    return new CompiledPolicy(PolicyCompiler.compile(json));
  }

  /**
   * Compiles a document.
   *
   * @throws PolicyParseException as {@link #compile(String)}; positions refer to {@code doc.toJson(PRETTY)}
   */
  public static CompiledPolicy compile(PolicyDocument doc) {
    return new CompiledPolicy(PolicyCompiler.compile(doc));
  }

  public PolicyDocument document() {
    return document;
  }

  CompiledStatement[] statements() {
    return statements;
  }

  /** Statement indexes for a lower-cased service prefix: those naming it, in order. */
  int[] forService(String service) {
    int[] at = byService.get(service);
    return at == null ? NONE : at;
  }

  int[] anyService() {
    return anyService;
  }

  @Override
  public String toString() {
    return "CompiledPolicy" + document.toJson();
  }
}
