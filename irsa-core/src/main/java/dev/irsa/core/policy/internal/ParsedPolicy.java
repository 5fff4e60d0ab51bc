package dev.irsa.core.policy.internal;

import dev.irsa.core.policy.PolicyDocument;
import java.util.Objects;

/**
 * A policy document and where its parts were written. The document's equality ignores positions;
 * the source map answers "where" for the linter and the evaluator without reading the JSON again.
 */
public record ParsedPolicy(PolicyDocument document, SourceMap sourceMap) {
  public ParsedPolicy {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(sourceMap, "sourceMap");
  }
}
