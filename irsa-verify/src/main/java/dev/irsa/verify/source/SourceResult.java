package dev.irsa.verify.source;

import dev.irsa.verify.expect.Expectation;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.IdentityChain;
import dev.irsa.verify.report.SourceAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What one source found: its part of the identity chain and its answers per expectation. */
public final class SourceResult {
  private final String source;
  private final String skipped;
  private final IdentityChain identity;
  private final Map<Expectation, List<SourceAnswer>> answers;

  private SourceResult(String source, String skipped, IdentityChain identity, Map<Expectation, List<SourceAnswer>> answers) {
    this.source = Objects.requireNonNull(source, "source");
    this.skipped = skipped;
    this.identity = Objects.requireNonNull(identity, "identity");
    Map<Expectation, List<SourceAnswer>> copy = new LinkedHashMap<>();
    answers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.answers = java.util.Collections.unmodifiableMap(copy);
  }

  /** The source did not run; every check gets a SKIPPED answer with this reason. */
  public static SourceResult skipped(String source, String reason) {
    return new SourceResult(source, Objects.requireNonNull(reason, "reason"), IdentityChain.empty(), Map.of());
  }

  public static Builder builder(String source) {
    return new Builder(source);
  }

  public String source() {
    return source;
  }

  /** Why the source did not run, when it did not. */
  public Optional<String> skipped() {
    return Optional.ofNullable(skipped);
  }

  public IdentityChain identity() {
    return identity;
  }

  /** The answers to one expectation (a source may give two, e.g. irsa's evaluation and IAM's simulator). */
  public List<SourceAnswer> answers(Expectation e) {
    if (skipped != null) {
      return List.of(SourceAnswer.of(source, Answer.SKIPPED, skipped));
    }
    return answers.getOrDefault(e, List.of());
  }

  /** Collects answers. */
  public static final class Builder {
    private final String source;
    private final IdentityChain.Builder identity = IdentityChain.builder();
    private final Map<Expectation, List<SourceAnswer>> answers = new LinkedHashMap<>();

    private Builder(String source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    public IdentityChain.Builder identity() {
      return identity;
    }

    public Builder add(Expectation e, SourceAnswer a) {
      answers.computeIfAbsent(Objects.requireNonNull(e, "expectation"), k -> new ArrayList<>())
          .add(Objects.requireNonNull(a, "answer"));
      return this;
    }

    public SourceResult build() {
      return new SourceResult(source, null, identity.build(), answers);
    }
  }
}
