/**
 * The runnable irsa jar: the walkthrough and the command line. An application, not a library: it
 * exports nothing. It is shaded into {@code irsa-examples.jar} and runs from the class path.
 */
@SuppressWarnings({"requires-automatic"})
module dev.irsa.examples {
  requires dev.irsa.core;
  requires dev.irsa.k8s;
  requires dev.irsa.verify;
  requires info.picocli;
  requires java.net.http;
  requires java.management;
  requires tools.jackson.core;
  requires tools.jackson.databind;
  requires org.snakeyaml.engine;
  requires software.amazon.awssdk.services.iam;
  requires software.amazon.awssdk.services.eks;
  requires software.amazon.awssdk.services.sts;
  requires software.amazon.awssdk.services.s3;
  requires software.amazon.awssdk.services.dynamodb;
  requires software.amazon.awssdk.auth;
  requires software.amazon.awssdk.awscore;
  requires kubernetes.client.api;
  requires kubernetes.model.core;
  requires kubernetes.model.apps;
  requires kubernetes.model.admissionregistration;
  requires software.amazon.awssdk.http;
  requires software.amazon.awssdk.http.urlconnection;
  requires software.amazon.awssdk.regions;
  requires software.amazon.awssdk.core;

  // picocli reads and writes the @Command classes' @Option fields reflectively.
  opens dev.irsa.examples to info.picocli;
}
