/**
 * Offline IAM policy evaluation: identity, resource, boundary, session, SCP and RCP layers, and
 * IRSA and Pod Identity trust, which need irsa-core and nothing else at run time; verification of a
 * service account's access (offline, account, token and pod sources), JUnit 5 assertions, the doctor
 * and audit. The live sources, the JUnit extension and the doctor's pod checks need optional
 * dependencies (irsa-k8s, the AWS SDK, JUnit), checked at their front doors.
 */
@SuppressWarnings({"module", "requires-automatic"}) // exports to irsa modules not on this path; Immutables has no module-info
module dev.irsa.verify {
  requires transitive dev.irsa.core;
  requires static org.immutables.value;
  requires static dev.irsa.k8s;
  requires static kubernetes.client.api;
  requires static kubernetes.model.core;
  requires static kubernetes.model.admissionregistration;
  requires static software.amazon.awssdk.services.sts;
  requires static software.amazon.awssdk.services.s3;
  requires static software.amazon.awssdk.services.dynamodb;
  requires static software.amazon.awssdk.services.iam;
  requires static software.amazon.awssdk.services.eks;
  requires static software.amazon.awssdk.http.urlconnection;
  requires static software.amazon.awssdk.http;
  requires static software.amazon.awssdk.auth;
  requires static software.amazon.awssdk.identity.spi;
  requires static software.amazon.awssdk.regions;
  requires static software.amazon.awssdk.awscore;
  requires static software.amazon.awssdk.core;
  requires static software.amazon.awssdk.utils;
  requires static org.junit.jupiter.api;

  exports dev.irsa.verify;
  exports dev.irsa.verify.eval;
  exports dev.irsa.verify.expect;
  exports dev.irsa.verify.report;
  exports dev.irsa.verify.source;
  exports dev.irsa.verify.live;
  exports dev.irsa.verify.junit;
  exports dev.irsa.verify.doctor;

  // The batch command's JSON Lines codec (CaseCodec) until it moves to examples (issue 9 part 5).
  exports dev.irsa.verify.eval.internal to dev.irsa.examples;
}
