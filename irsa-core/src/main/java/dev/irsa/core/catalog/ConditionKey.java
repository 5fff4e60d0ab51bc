package dev.irsa.core.catalog;

import dev.irsa.core.internal.Quote;
import java.util.Objects;

/**
 * A condition key from the service authorization reference: its name as documented (templates such
 * as {@code aws:RequestTag/${TagKey}} included), the type of its values and whether a request can
 * carry several values (the reference's {@code ArrayOf...} types, which need {@code ForAllValues:}
 * or {@code ForAnyValue:}).
 */
public record ConditionKey(String name, ValueType type, boolean multivalued) {

  /** The value types the reference uses. */
  public enum ValueType { STRING, ARN, NUMERIC, DATE, BOOL, IP_ADDRESS, BINARY }

  public ConditionKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /**
   * A key with a type as the reference writes it: {@code String}, {@code ArrayOfARN}, {@code Bool} ...
   *
   * @throws IllegalArgumentException for an unknown type name
   */
  public static ConditionKey of(String name, String referenceType) {
    boolean multi = referenceType.startsWith("ArrayOf");
    String base = multi ? referenceType.substring("ArrayOf".length()) : referenceType;
    ValueType t = switch (base) {
      case "String" -> ValueType.STRING;
      case "ARN", "Arn" -> ValueType.ARN;
      case "Numeric", "Long", "Integer" -> ValueType.NUMERIC;
      case "Date" -> ValueType.DATE;
      case "Bool", "Boolean" -> ValueType.BOOL;
      case "IPAddress", "IpAddress" -> ValueType.IP_ADDRESS;
      case "Binary" -> ValueType.BINARY;
      default -> throw new IllegalArgumentException("unknown condition key type " + Quote.single(referenceType) + " for " + name);
    };
    return new ConditionKey(name, t, multi);
  }

  @Override
  public String toString() {
    return name + " (" + (multivalued ? "ArrayOf" : "") + type + ")";
  }
}
