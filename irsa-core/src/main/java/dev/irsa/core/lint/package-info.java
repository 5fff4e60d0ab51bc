/**
 * The policy linter: {@link dev.irsa.core.lint.PolicyLinter} turns a policy document and its
 * {@link dev.irsa.core.lint.PolicyKind} into {@link dev.irsa.core.lint.Finding}s with stable codes,
 * severities, messages that say what to do, and JSON paths.
 */
package dev.irsa.core.lint;
