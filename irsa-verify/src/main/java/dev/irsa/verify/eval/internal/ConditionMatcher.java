package dev.irsa.verify.eval.internal;

import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.iam.internal.Values;
import dev.irsa.core.internal.Quote;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.ConditionOperator;
import dev.irsa.core.policy.ConditionValue;
import dev.irsa.core.policy.OperatorType;
import java.time.Instant;
import java.util.List;

/**
 * One compiled condition (operator, key, values). Policy values are parsed once; request values
 * are parsed per evaluation.
 *
 * <p>Semantics, from the IAM User Guide: several values for the key are ORed; a negated operator
 * is true when the request value matches none of them; a missing key makes a plain operator false
 * and a negated one true, {@code ...IfExists} true; {@code ForAllValues:} is true when every request
 * value matches (and when the key is missing or empty), {@code ForAnyValue:} when one does (false
 * when missing or empty), a negated base operator being applied per value. A plain operator against
 * a key with more than one value in the request is false (IAM requires a set operator there and
 * documents no result; irsa chooses false, whatever the operator).
 */
public final class ConditionMatcher {
  private final Condition source;
  private final String key; // lower-cased
  private final OperatorType type;
  private final ConditionOperator.Qualifier qualifier;
  private final boolean ifExists;
  private final boolean negated;
  private final int count;
  private final Template[] templates; // STRING, ARN
  private final Glob[] globs;          // StringLike plain values
  private final ArnPattern[] arns;     // ARN plain values
  private final Values.Decimal[] numbers;
  private final Instant[] dates;
  private final Values.Cidr[] cidrs;
  private final boolean[] bools;       // BOOL, NULL
  private final byte[][] binaries;

  private ConditionMatcher(Condition c, OperatorType type, boolean substitute) {
    this.source = c;
    this.key = Ascii.lower(c.key());
    this.type = type;
    this.qualifier = c.operator().qualifier();
    this.ifExists = c.operator().ifExists();
    this.negated = type.isNegated();
    List<ConditionValue> vs = c.values();
    this.count = vs.size();
    Template[] tpl = null;
    Glob[] gl = null;
    ArnPattern[] ar = null;
    Values.Decimal[] nu = null;
    Instant[] da = null;
    Values.Cidr[] ci = null;
    boolean[] bo = null;
    byte[][] bi = null;
    switch (type.category()) {
      case STRING -> {
        tpl = new Template[count];
        gl = new Glob[count];
        boolean like = type == OperatorType.STRING_LIKE || type == OperatorType.STRING_NOT_LIKE;
        for (int i = 0; i < count; i++) {
          tpl[i] = Template.parse(vs.get(i).text(), substitute);
          if (like && tpl[i].isPlain()) {
            gl[i] = Glob.compile(vs.get(i).text(), false);
          } else if (like && !tpl[i].hasVariables()) {
            gl[i] = tpl[i].resolveGlob(k -> null, false); // escapes only: compiled once, literal
          }
        }
      }
      case ARN -> {
        tpl = new Template[count];
        ar = new ArnPattern[count];
        for (int i = 0; i < count; i++) {
          tpl[i] = Template.parse(vs.get(i).text(), substitute);
          if (tpl[i].isPlain()) {
            ar[i] = ArnPattern.condition(vs.get(i).text());
          } else if (!tpl[i].hasVariables()) {
            ar[i] = ArnPattern.condition(tpl[i], null); // escapes only: compiled once, ${*} a literal *
          }
        }
      }
      case NUMERIC -> {
        nu = new Values.Decimal[count];
        for (int i = 0; i < count; i++) {
          nu[i] = Values.number(vs.get(i).text());
          if (nu[i] == null) {
            throw new CompileException(i, type.json() + " value must be a number, got " + Quote.dbl(vs.get(i).text()));
          }
        }
      }
      case DATE -> {
        da = new Instant[count];
        for (int i = 0; i < count; i++) {
          da[i] = Values.date(vs.get(i).text());
          if (da[i] == null) {
            throw new CompileException(i, type.json()
                + " value must be an ISO 8601 date or epoch seconds, got " + Quote.dbl(vs.get(i).text()));
          }
        }
      }
      case IP_ADDRESS -> {
        ci = new Values.Cidr[count];
        for (int i = 0; i < count; i++) {
          ci[i] = Values.cidr(vs.get(i).text());
          if (ci[i] == null) {
            throw new CompileException(i, type.json()
                + " value must be an IPv4 or IPv6 address or CIDR block, got " + Quote.dbl(vs.get(i).text()));
          }
        }
      }
      case BOOLEAN, NULL -> {
        bo = new boolean[count];
        for (int i = 0; i < count; i++) {
          String t = vs.get(i).text();
          Boolean b = Values.bool(t);
          if (b == null) {
            throw new CompileException(i, type.json() + " value must be true or false, got " + Quote.dbl(t));
          }
          bo[i] = b;
        }
      }
      case BINARY -> {
        bi = new byte[count][];
        for (int i = 0; i < count; i++) {
          bi[i] = Values.binary(vs.get(i).text());
          if (bi[i] == null) {
            throw new CompileException(i, "BinaryEquals value must be base64, got " + Quote.dbl(vs.get(i).text()));
          }
        }
      }
    }
    this.templates = tpl;
    this.globs = gl;
    this.arns = ar;
    this.numbers = nu;
    this.dates = da;
    this.cidrs = ci;
    this.bools = bo;
    this.binaries = bi;
  }

  /**
   * Compiles a condition.
   *
   * @throws CompileException for an unknown operator, Null with IfExists or a set qualifier, or a
   *     value its operator cannot read (index -1 when the operator itself is at fault)
   */
  public static ConditionMatcher compile(Condition c, boolean substitute) {
    ConditionOperator op = c.operator();
    OperatorType type = op.type().orElseThrow(() -> new CompileException(-1,
        "unknown condition operator " + Quote.dbl(op.name())));
    if (type == OperatorType.NULL && op.ifExists()) {
      throw new CompileException(-1, "Null cannot be combined with IfExists (\"" + op.name() + "\")");
    }
    if (type == OperatorType.NULL && op.qualifier() != ConditionOperator.Qualifier.NONE) {
      throw new CompileException(-1, "Null cannot take a set qualifier (\"" + op.name() + "\")");
    }
    return new ConditionMatcher(c, type, substitute);
  }

  public Condition source() {
    return source;
  }

  /** The context key as written in the policy. */
  public String keyName() {
    return source.key();
  }

  /** Evaluates against the request; a key that is looked up but absent is reported to {@code trace}. */
  public boolean matches(Context ctx, Trace trace) {
    String[] req = ctx.values(key);
    if (type == OperatorType.NULL) {
      boolean absent = req == null; // an empty list is present (and empty)
      for (boolean wantAbsent : bools) {
        if (wantAbsent == absent) {
          return true;
        }
      }
      return false;
    }
    if (req == null || req.length == 0) {
      if (req == null && trace != null) {
        trace.missing(source.key());
      }
      if (ifExists) {
        return true;
      }
      return switch (qualifier) {
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> false;
        case NONE -> negated;
      };
    }
    switch (qualifier) {
      case FOR_ALL_VALUES -> {
        for (String v : req) {
          if (!single(v, ctx)) {
            return false;
          }
        }
        return true;
      }
      case FOR_ANY_VALUE -> {
        for (String v : req) {
          if (single(v, ctx)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        if (req.length != 1) {
          return false;
        }
        return single(req[0], ctx);
      }
    }
  }

  /** The operator (negation included) applied to one request value. */
  private boolean single(String value, Context ctx) {
    boolean any = anyPositive(value, ctx);
    return negated != any;
  }

  /** True when one policy value matches {@code value} under the positive form of the operator. */
  private boolean anyPositive(String value, Context ctx) {
    switch (type.category()) {
      case STRING -> {
        boolean like = type == OperatorType.STRING_LIKE || type == OperatorType.STRING_NOT_LIKE;
        boolean ignoreCase = type == OperatorType.STRING_EQUALS_IGNORE_CASE
            || type == OperatorType.STRING_NOT_EQUALS_IGNORE_CASE;
        for (int i = 0; i < count; i++) {
          if (like) {
            Glob g = globs[i] != null ? globs[i] : templates[i].resolveGlob(ctx, false);
            if (g != null && g.matches(value)) {
              return true;
            }
          } else {
            String p = templates[i].resolve(ctx);
            if (p != null && (ignoreCase ? p.equalsIgnoreCase(value) : p.equals(value))) {
              return true;
            }
          }
        }
        return false;
      }
      case ARN -> {
        for (int i = 0; i < count; i++) {
          ArnPattern a = arns[i];
          if (a == null) {
            a = ArnPattern.condition(templates[i], ctx); // escapes and substituted text stay literal
            if (a == null) {
              continue; // a variable without a value: this value matches nothing
            }
          }
          if (value.startsWith("arn:") && a.matches(value, ctx)) {
            return true;
          }
        }
        return false;
      }
      case NUMERIC -> {
        Values.Decimal v = Values.number(value);
        if (v == null) {
          return false;
        }
        for (Values.Decimal p : numbers) {
          if (compare(v.compareTo(p))) {
            return true;
          }
        }
        return false;
      }
      case DATE -> {
        Instant v = Values.date(value);
        if (v == null) {
          return false;
        }
        for (Instant p : dates) {
          if (compare(v.compareTo(p))) {
            return true;
          }
        }
        return false;
      }
      case BOOLEAN -> {
        Boolean t = Values.bool(value);
        if (t == null) {
          return false;
        }
        for (boolean p : bools) {
          if (p == t) {
            return true;
          }
        }
        return false;
      }
      case BINARY -> {
        byte[] v = Values.binary(value);
        if (v == null) {
          return false;
        }
        for (byte[] p : binaries) {
          if (java.util.Arrays.equals(p, v)) {
            return true;
          }
        }
        return false;
      }
      case IP_ADDRESS -> {
        Values.Cidr v = Values.cidr(value);
        if (v == null) {
          return false;
        }
        for (Values.Cidr p : cidrs) {
          if (p.contains(v.bytes())) {
            return true;
          }
        }
        return false;
      }
      default -> throw new IllegalStateException("unreachable: " + type);
    }
  }

  /** Applies the positive comparison of a Numeric/Date operator to {@code cmp = request <=> policy}. */
  private boolean compare(int cmp) {
    return switch (type) {
      case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> cmp == 0;
      case NUMERIC_LESS_THAN, DATE_LESS_THAN -> cmp < 0;
      case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> cmp <= 0;
      case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> cmp > 0;
      case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> cmp >= 0;
      default -> throw new IllegalStateException("unreachable: " + type);
    };
  }

  @Override
  public String toString() {
    return source.toString();
  }

  /** The request as conditions see it: values by lower-cased key. */
  public interface Context extends Template.Lookup {
    /** The values of a key (lower-cased), {@code null} when absent. */
    String[] values(String lowerCaseKey);
  }

  /** Collects what an evaluation noticed. */
  public interface Trace {
    void missing(String key);
  }

  /** A condition IAM would not accept, with the index of the value at fault (-1: the operator). */
  public static final class CompileException extends RuntimeException {
    private final int valueIndex;

    public CompileException(int valueIndex, String message) {
      super(message);
      this.valueIndex = valueIndex;
    }

    public int valueIndex() {
      return valueIndex;
    }
  }
}
