/**
 * Offline IAM policy evaluation: identity, resource, boundary, session, SCP and RCP layers, and
 * IRSA and Pod Identity trust. Needs irsa-core and nothing else at run time.
 */
@SuppressWarnings("module") // qualified exports name modules that are not on this module's path
module dev.irsa.verify {
  requires transitive dev.irsa.core;
  requires static org.immutables.value;

  exports dev.irsa.verify;
  exports dev.irsa.verify.eval;

  // The batch command's JSON Lines codec (CaseCodec) until it moves to examples (issue 9 part 5).
  exports dev.irsa.verify.eval.internal to dev.irsa.examples;
}
