package dev.irsa.verify.source;

import dev.irsa.verify.expect.Expectations;

/**
 * A source of truth about a service account's access: offline evaluation of given documents, the
 * account's real documents, a live session from a token, or a running pod. Sources never change
 * data: an action that would is answered {@code NOT_PROBED} by the live ones.
 */
public interface VerificationSource {
  /** {@code offline}, {@code account}, {@code token}, {@code pod}, or a caller's own name. */
  String name();

  /**
   * Answers every expectation (or some: the missing ones are shown as not answered).
   *
   * @throws RuntimeException on a failure the source cannot turn into answers; {@link Verification}
   *     reports it as an ERROR answer for every check, with the message redacted
   */
  SourceResult run(Target target, Expectations expectations);
}
