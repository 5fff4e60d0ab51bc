package dev.irsa.core.lint.internal;

import dev.irsa.core.catalog.ConditionKey;
import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.iam.internal.Values;
import dev.irsa.core.lint.FindingCode;
import dev.irsa.core.lint.Severity;
import dev.irsa.core.lint.internal.LintContext.Located;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.ConditionOperator;
import dev.irsa.core.policy.ConditionValue;
import dev.irsa.core.policy.OperatorType;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.policy.internal.SourceMap;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Condition operators, value types (read as the evaluator reads them, {@link Values}), operator
 * against key types, set operators, wildcards in non-Like operators, policy variables, and
 * condition blocks that test nothing.
 */
final class ConditionRules {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

  private final LintContext cx;
  private final Findings out;

  ConditionRules(LintContext cx) {
    this.cx = cx;
    this.out = cx.findings;
  }

  /** {@code "Condition": {}} and operators without keys (the model has dropped them; the source map has not). */
  void empty(Located l) {
    for (SourceMap.EmptyBlock b : l.at().emptyConditionBlocks()) {
      if (b.operator() == null) {
        out.add(FindingCode.EMPTY_CONDITION, b.at().path(), "an empty Condition block tests nothing: remove it");
      } else {
        out.add(FindingCode.EMPTY_CONDITION, b.at().path(), b.operator() + " has no condition keys, so it tests"
            + " nothing: remove it or add the keys it should test");
      }
    }
  }

  /** Each condition; then policy variables in Resource under the old Version. */
  void check(Located l) {
    Statement s = l.statement();
    for (int i = 0; i < s.conditions().size(); i++) {
      condition(s.conditions().get(i), l.at().condition(i));
    }
    if (!cx.variablesSubstituted) {
      for (int i = 0; i < s.resources().size(); i++) {
        if (s.resources().get(i).contains("${")) {
          out.add(FindingCode.POLICY_VARIABLE_IN_OLD_VERSION, l.at().element("Resource").path(), "policy variables"
              + " are literal text unless \"Version\": \"2012-10-17\": set the Version");
          break;
        }
      }
    }
  }

  private void condition(Condition c, SourceMap.ConditionSpan at) {
    String cpath = at.key().path();
    ConditionOperator op = c.operator();
    if (c.key().contains("${")) {
      out.add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, cpath, "policy variables are not substituted in condition"
          + " keys: " + c.key());
    }
    if (!op.isKnown()) {
      out.add(FindingCode.INVALID_CONDITION_OPERATOR, at.operator().path(), "\"" + op.name() + "\" is not a"
          + " condition operator" + operatorHint(op));
      return;
    }
    OperatorType type = op.type().orElseThrow();
    if (type == OperatorType.NULL && op.ifExists()) {
      out.add(FindingCode.NULL_WITH_IF_EXISTS, at.operator().path(), "NullIfExists is not an operator: Null already"
          + " tests whether the key exists; use \"Null\"");
    }
    values(c, type, at);
    ConditionKey key = cx.catalog.conditionKey(c.key()).orElse(null);
    if (key != null) {
      keyType(c, type, key, cpath);
    }
    if (type.category() == OperatorType.Category.STRING && !type.acceptsWildcards() && !cx.isOidcKey(c.key())) {
      for (int i = 0; i < c.values().size(); i++) {
        String v = VARIABLE.matcher(c.values().get(i).text()).replaceAll("");
        if (Glob.hasWildcard(v)) {
          out.add(FindingCode.WILDCARD_WITHOUT_LIKE, at.value(i).path(), type.json() + " compares \""
              + c.values().get(i).text() + "\" literally, '*' and '?' included: use " + likeFor(type)
              + " if you meant a pattern");
        }
      }
    }
    if (!cx.variablesSubstituted) {
      for (int i = 0; i < c.values().size(); i++) {
        if (c.values().get(i).text().contains("${")) {
          out.add(FindingCode.POLICY_VARIABLE_IN_OLD_VERSION, at.value(i).path(), "policy variables are literal"
              + " text unless \"Version\": \"2012-10-17\": set the Version");
        }
      }
    }
  }

  private static String likeFor(OperatorType t) {
    return t.isNegated() ? "StringNotLike" : "StringLike";
  }

  private static String operatorHint(ConditionOperator op) {
    String base = op.baseName();
    for (OperatorType t : OperatorType.values()) {
      if (t.json().equalsIgnoreCase(base) || (t.json() + "IfExists").equalsIgnoreCase(base)) {
        return ": operator names are case-sensitive, write \"" + op.qualifier().prefix() + t.json()
            + (base.toLowerCase(Locale.ROOT).endsWith("ifexists") ? "IfExists" : "") + "\"";
      }
    }
    String lower = op.name().toLowerCase(Locale.ROOT);
    if (lower.startsWith("forallvalues") || lower.startsWith("foranyvalue")) {
      return ": write the qualifier as ForAllValues: or ForAnyValue: followed by an operator such as StringEquals";
    }
    return ": use one of StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress,"
        + " Null ... (see the IAM condition operators reference)";
  }

  private void values(Condition c, OperatorType type, SourceMap.ConditionSpan at) {
    for (int i = 0; i < c.values().size(); i++) {
      ConditionValue v = c.values().get(i);
      String t = v.text();
      if (t.contains("${")) {
        OperatorType.Category cat = type.category();
        if (cat != OperatorType.Category.STRING && cat != OperatorType.Category.ARN) {
          out.add(FindingCode.POLICY_VARIABLE_NOT_ALLOWED, Severity.WARNING, at.value(i).path(), "policy variables"
              + " are only substituted in String and ARN conditions, not in " + type.json() + ": \"" + t + "\"");
        }
        continue;
      }
      String problem = Values.problem(type.category(), t); // the evaluator's reading, shared
      if (problem != null) {
        out.add(FindingCode.CONDITION_TYPE_MISMATCH, at.value(i).path(), c.operator().name() + " expects " + problem
            + ", got \"" + t + "\"");
      }
    }
  }

  private void keyType(Condition c, OperatorType type, ConditionKey key, String cpath) {
    OperatorType.Category cat = type.category();
    if (cat != OperatorType.Category.NULL && !fits(key.type(), cat)) {
      out.add(FindingCode.CONDITION_TYPE_MISMATCH, cpath, key.name() + " is " + typeName(key) + "; " + type.json()
          + " compares " + cat.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " values: use "
          + suggestedOperator(key.type()));
    }
    ConditionOperator.Qualifier q = c.operator().qualifier();
    if (!key.multivalued() && q == ConditionOperator.Qualifier.FOR_ALL_VALUES) {
      out.add(FindingCode.FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY, cpath, key.name() + " has a single value;"
          + " ForAllValues: is also true when the key is missing, so this admits requests without it: drop the"
          + " ForAllValues: prefix");
    } else if (!key.multivalued() && q == ConditionOperator.Qualifier.FOR_ANY_VALUE) {
      out.add(FindingCode.FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY, cpath, key.name() + " has a single value: drop the"
          + " ForAnyValue: prefix");
    } else if (key.multivalued() && q == ConditionOperator.Qualifier.NONE && cat != OperatorType.Category.NULL) {
      out.add(FindingCode.MULTIVALUED_KEY_WITHOUT_SET_OPERATOR, cpath, key.name() + " can carry several values:"
          + " write ForAnyValue:" + type.json() + " (at least one matches) or ForAllValues:" + type.json()
          + " (all match)");
    }
  }

  private static boolean fits(ConditionKey.ValueType t, OperatorType.Category cat) {
    return switch (t) {
      case STRING -> cat == OperatorType.Category.STRING;
      case ARN -> cat == OperatorType.Category.ARN || cat == OperatorType.Category.STRING;
      case NUMERIC -> cat == OperatorType.Category.NUMERIC;
      case DATE -> cat == OperatorType.Category.DATE;
      case BOOL -> cat == OperatorType.Category.BOOLEAN;
      case IP_ADDRESS -> cat == OperatorType.Category.IP_ADDRESS;
      case BINARY -> cat == OperatorType.Category.BINARY;
    };
  }

  private static String typeName(ConditionKey k) {
    String t = switch (k.type()) {
      case STRING -> "String";
      case ARN -> "ARN";
      case NUMERIC -> "Numeric";
      case DATE -> "Date";
      case BOOL -> "Bool";
      case IP_ADDRESS -> "IPAddress";
      case BINARY -> "Binary";
    };
    return "a" + (k.multivalued() ? "n ArrayOf" : (t.startsWith("A") || t.startsWith("I") ? "n " : " ")) + t + " key";
  }

  private static String suggestedOperator(ConditionKey.ValueType t) {
    return switch (t) {
      case STRING -> "StringEquals or StringLike";
      case ARN -> "ArnEquals or ArnLike";
      case NUMERIC -> "NumericEquals, NumericLessThan ...";
      case DATE -> "DateGreaterThan, DateLessThan ...";
      case BOOL -> "Bool";
      case IP_ADDRESS -> "IpAddress or NotIpAddress";
      case BINARY -> "BinaryEquals";
    };
  }
}
