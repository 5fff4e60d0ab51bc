/**
 * Offline IAM policy evaluation: identity, resource, boundary, session, SCP and RCP layers, and
 * IRSA and Pod Identity trust. Needs irsa-core and nothing else at run time.
 */
@SuppressWarnings({"module", "requires-automatic"}) // exports to irsa modules not on this path; Immutables has no module-info
module dev.irsa.verify {
  requires transitive dev.irsa.core;
  requires static org.immutables.value;

  exports dev.irsa.verify;
  exports dev.irsa.verify.eval;

  // The batch command's JSON Lines codec (CaseCodec) until it moves to examples (issue 9 part 5).
  exports dev.irsa.verify.eval.internal to dev.irsa.examples;
}
