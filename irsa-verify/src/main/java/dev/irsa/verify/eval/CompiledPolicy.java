package dev.irsa.verify.eval;

import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.verify.eval.internal.CompiledStatement;
import dev.irsa.verify.eval.internal.EvalAccess;
import dev.irsa.verify.eval.internal.PolicyCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
  private final Map<String, int[]> byService;
  private final int[] anyService;

  private CompiledPolicy(PolicyCompiler.Compiled compiled) {
    this.document = compiled.document();
    this.statements = compiled.statements();
    Map<String, List<Integer>> idx = new HashMap<>();
    List<Integer> any = new ArrayList<>();
    for (CompiledStatement s : statements) {
      List<String> actions = s.source().actions();
      boolean generic = actions.isEmpty(); // NotAction can match any service
      List<String> services = new ArrayList<>();
      for (String a : actions) {
        String svc = CompiledStatement.servicePrefix(a);
        if (svc == null) {
          generic = true;
        } else if (!services.contains(svc)) {
          services.add(svc);
        }
      }
      if (generic) {
        any.add(s.index());
      } else {
        for (String svc : services) {
          idx.computeIfAbsent(svc, k -> new ArrayList<>()).add(s.index());
        }
      }
    }
    this.byService = new HashMap<>();
    idx.forEach((k, v) -> byService.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    this.anyService = any.stream().mapToInt(Integer::intValue).toArray();
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
    return byService.getOrDefault(service, NONE);
  }

  int[] anyService() {
    return anyService;
  }

  @Override
  public String toString() {
    return "CompiledPolicy" + document.toJson();
  }
}
