package dev.irsa.examples;

/** The seed scenario's sample names, used as the walkthrough's embedded defaults. */
final class Seed {
  static final String ACCOUNT = "111122223333";
  static final String REGION = "us-west-2";
  static final String ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  static final String CLUSTER = "demo";
  static final String NAMESPACE = "irsa-demo";
  static final String SERVICE_ACCOUNT = "aws-cli";
  static final String ROLE = "irsa-demo-aws-cli";
  static final String BUCKET = "irsa-demo-bucket";
  static final String TABLE = "irsa-demo-table";
  /** The session name the AWS CLI would give the pod's role session ({@code botocore-session-<epoch seconds>}). */
  static final String SESSION_NAME = "botocore-session-1764403200";

  private Seed() {}
}
