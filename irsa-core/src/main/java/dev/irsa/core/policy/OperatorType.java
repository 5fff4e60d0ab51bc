package dev.irsa.core.policy;

/**
 * The base condition operators IAM defines, without the {@code ForAllValues:}/{@code
 * ForAnyValue:} qualifiers and the {@code IfExists} suffix.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM condition operators</a>
 */
public enum OperatorType {
  STRING_EQUALS("StringEquals", Category.STRING, false),
  STRING_NOT_EQUALS("StringNotEquals", Category.STRING, true),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Category.STRING, false),
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Category.STRING, true),
  STRING_LIKE("StringLike", Category.STRING, false),
  STRING_NOT_LIKE("StringNotLike", Category.STRING, true),
  NUMERIC_EQUALS("NumericEquals", Category.NUMERIC, false),
  NUMERIC_NOT_EQUALS("NumericNotEquals", Category.NUMERIC, true),
  NUMERIC_LESS_THAN("NumericLessThan", Category.NUMERIC, false),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Category.NUMERIC, false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Category.NUMERIC, false),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Category.NUMERIC, false),
  DATE_EQUALS("DateEquals", Category.DATE, false),
  DATE_NOT_EQUALS("DateNotEquals", Category.DATE, true),
  DATE_LESS_THAN("DateLessThan", Category.DATE, false),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", Category.DATE, false),
  DATE_GREATER_THAN("DateGreaterThan", Category.DATE, false),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Category.DATE, false),
  BOOL("Bool", Category.BOOLEAN, false),
  BINARY_EQUALS("BinaryEquals", Category.BINARY, false),
  IP_ADDRESS("IpAddress", Category.IP_ADDRESS, false),
  NOT_IP_ADDRESS("NotIpAddress", Category.IP_ADDRESS, true),
  ARN_EQUALS("ArnEquals", Category.ARN, false),
  ARN_LIKE("ArnLike", Category.ARN, false),
  ARN_NOT_EQUALS("ArnNotEquals", Category.ARN, true),
  ARN_NOT_LIKE("ArnNotLike", Category.ARN, true),
  NULL("Null", Category.NULL, false);

  /** The family an operator belongs to, which decides how values are compared. */
  public enum Category { STRING, NUMERIC, DATE, BOOLEAN, BINARY, IP_ADDRESS, ARN, NULL }

  private final String json;
  private final Category category;
  private final boolean negated;

  OperatorType(String json, Category category, boolean negated) {
    this.json = json;
    this.category = category;
    this.negated = negated;
  }

  /** The name as written in policies, e.g. {@code StringEquals}. */
  public String json() {
    return json;
  }

  public Category category() {
    return category;
  }

  /** True for the Not/NotEquals forms: a missing key makes them true. */
  public boolean isNegated() {
    return negated;
  }

  /** True for StringLike, StringNotLike, ArnLike, ArnNotLike (and ArnEquals, which also takes wildcards). */
  public boolean acceptsWildcards() {
    return this == STRING_LIKE || this == STRING_NOT_LIKE || category == Category.ARN;
  }

  private static final OperatorType[] ALL = values(); // values() copies the array on every call

  /** The operator with this exact name (case-sensitive), or {@code null}. */
  public static OperatorType fromJson(String name) {
    for (OperatorType t : ALL) {
      if (t.json.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
