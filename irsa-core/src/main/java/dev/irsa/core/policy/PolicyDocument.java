package dev.irsa.core.policy;

import dev.irsa.core.policy.internal.PolicyCodec;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * An IAM policy document: permission, resource, trust, boundary, SCP or session policy alike.
 *
 * <pre>{@code
 * PolicyDocument doc = PolicyDocument.builder()
 *     .addStatement(s -> s.allow().addAction("s3:ListBucket").addResource("arn:aws:s3:::my-bucket"))
 *     .build();
 * String json = doc.toJson();                       // canonical, compact
 * PolicyDocument same = PolicyDocument.fromJson(json);
 * }</pre>
 *
 * Reading is lenient where IAM is (a single statement object, a string where an array may be,
 * unquoted numbers and booleans in conditions); writing has one canonical form that keeps the
 * order of statements and values. {@code fromJson(doc.toJson())} equals {@code doc}.
 */
@Value.Immutable
public abstract class PolicyDocument {
  /** The current policy language version. */
  public static final String VERSION_2012_10_17 = "2012-10-17";
  /** The old version, under which policy variables are literal text. */
  public static final String VERSION_2008_10_17 = "2008-10-17";

  /** The {@code Version} element, absent when the document has none. */
  public abstract Optional<String> version();

  /** The {@code Id} element. */
  public abstract Optional<String> id();

  /** Statements in order; never empty. */
  public abstract List<Statement> statements();

  /** A builder with {@code Version} preset to {@value #VERSION_2012_10_17}. */
  public static Builder builder() {
    Builder b = new Builder();
    b.version(VERSION_2012_10_17);
    return b;
  }

  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** A document with the current version and the given statements. */
  public static PolicyDocument of(Statement... statements) {
    return builder().addStatements(statements).build();
  }

  /**
   * Reads a policy document.
   *
   * @throws PolicyParseException if the text is not JSON or not a policy document; the exception
   *     carries the JSON path and line:column of the problem
   */
  public static PolicyDocument fromJson(String json) {
    return PolicyCodec.read(json);
  }

  /** The canonical compact JSON. */
  public String toJson() {
    return PolicyCodec.write(this, false);
  }

  public String toJson(JsonFormat format) {
    return PolicyCodec.write(this, format == JsonFormat.PRETTY);
  }

  /** The size IAM counts against its quotas: characters of the JSON, whitespace excluded. */
  public int iamSize() {
    return PolicySize.count(toJson());
  }

  /** True when policy variables are substituted (Version 2012-10-17). */
  public boolean supportsPolicyVariables() {
    return version().map(VERSION_2012_10_17::equals).orElse(false);
  }

  @Value.Check
  void check() {
    if (statements().isEmpty()) {
      throw new IllegalStateException("a policy document needs at least one statement");
    }
  }

  @Override
  public String toString() {
    return "PolicyDocument" + toJson();
  }

  /** Builds a {@link PolicyDocument}. */
  public static final class Builder extends ImmutablePolicyDocument.Builder {
    Builder() {}

    /** Appends a statement built in place: {@code addStatement(s -> s.allow().addAction("s3:ListBucket"))}. */
    public Builder addStatement(Consumer<Statement.Builder> spec) {
      Statement.Builder b = Statement.builder();
      spec.accept(b);
      addStatement(b.build());
      return this;
    }
  }
}
