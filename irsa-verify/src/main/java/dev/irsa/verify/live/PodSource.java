package dev.irsa.verify.live;

import dev.irsa.k8s.ExecResult;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.TokenClaims;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import dev.irsa.k8s.webhook.PodWiring;
import dev.irsa.verify.expect.Expectation;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.SourceAnswer;
import dev.irsa.verify.source.ProbeTable;
import dev.irsa.verify.source.Redactor;
import dev.irsa.verify.source.ServiceErrors;
import dev.irsa.verify.source.SourceResult;
import dev.irsa.verify.source.Target;
import dev.irsa.verify.source.VerificationSource;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inside a running pod of the service account: the wiring the webhook left (env, token mount), the
 * mounted token's claims, {@code aws sts get-caller-identity} when the image has the AWS CLI, and
 * the read-only probes of {@link ProbeTable} as AWS CLI commands. Command output is never shown
 * (it may hold credentials); evidence holds the command, its exit code and the AWS error code.
 */
public final class PodSource implements VerificationSource {
  private static final Pattern AWS_ERROR = Pattern.compile("An error occurred \\(([^)]+)\\) when calling the (\\w+) operation");
  private static final Pattern ARN = Pattern.compile("\"Arn\"\\s*:\\s*\"([^\"]+)\"");

  private final IrsaKubernetes k8s;
  private final String pod;
  private final String container;
  private final Duration timeout;

  private PodSource(IrsaKubernetes k8s, String pod, String container, Duration timeout) {
    this.k8s = k8s;
    this.pod = pod;
    this.container = container;
    this.timeout = timeout;
  }

  /**
   * Runs in pod {@code pod} of the target's namespace (or, when null, the first Running pod of the
   * service account), in {@code container} (null: the first).
   */
  public static PodSource of(IrsaKubernetes k8s, String pod, String container, Duration timeout) {
    return new PodSource(Objects.requireNonNull(k8s, "k8s"), pod, container, Objects.requireNonNull(timeout, "timeout"));
  }

  @Override
  public String name() {
    return "pod";
  }

  @Override
  public SourceResult run(Target target, Expectations expectations) {
    String ns = target.serviceAccount().namespace();
    Optional<String> name = pod != null ? Optional.of(pod) : findPod(target);
    if (name.isEmpty()) {
      return SourceResult.skipped(name(), "no running pod of service account " + target.serviceAccount());
    }
    Redactor redactor = new Redactor();
    SourceResult.Builder out = SourceResult.builder(name());
    PodWiring wiring = k8s.inspectPod(ns, name.get());
    String where = "pod " + ns + "/" + name.get();
    out.identity().addNote(where + ": " + wiring);
    ExecResult token = exec(ns, name.get(), "cat", PodIdentityWebhook.TOKEN_FILE);
    if (token.succeeded()) {
      redactor.secret(token.stdout().trim());
      try {
        TokenClaims c = TokenClaims.decodeUnverified(token.stdout());
        out.identity().token("pod: " + PodIdentityWebhook.TOKEN_FILE + " in " + where, c.issuer(), c.subject(),
            c.audiences(), c.expiresAt());
      } catch (IllegalArgumentException e) {
        out.identity().addNote(where + ": the mounted token cannot be read: " + e.getMessage());
      }
    }
    long start = System.nanoTime();
    ExecResult id = exec(ns, name.get(), "aws", "sts", "get-caller-identity");
    boolean noCli = id.exitCode() == 127;
    SourceAnswer identity = noCli
        ? SourceAnswer.of(name(), Answer.NOT_AVAILABLE, "the image has no AWS CLI (aws: exit 127)")
        : answer(List.of("aws", "sts", "get-caller-identity"), id, redactor);
    identity = identity.withTook(Duration.ofNanos(System.nanoTime() - start));
    if (identity.answer() == Answer.ALLOWED) {
      Matcher m = ARN.matcher(id.stdout());
      if (m.find()) {
        out.identity().assumedRole(where + ": aws sts get-caller-identity", m.group(1));
        out.identity().addNote(where + ": aws sts get-caller-identity (the AWS CLI's web-identity chain) returned " + m.group(1));
        identity = SourceAnswer.of(name(), Answer.ALLOWED, "aws sts get-caller-identity: exit 0, " + m.group(1))
            .withTook(identity.took());
      }
    }
    for (Expectation e : expectations) {
      if (e.isCallerIdentity()) {
        out.add(e, identity);
        continue;
      }
      Optional<ProbeTable.Probe> p = ProbeTable.probe(e);
      if (p.isEmpty()) {
        out.add(e, SourceAnswer.of(name(), Answer.NOT_PROBED, ProbeTable.whyNotProbed(e)));
      } else if (noCli) {
        out.add(e, SourceAnswer.of(name(), Answer.NOT_AVAILABLE, "the image has no AWS CLI"));
      } else {
        List<String> cmd = p.get().cliCommand();
        long t0 = System.nanoTime();
        ExecResult r = exec(ns, name.get(), cmd.toArray(String[]::new));
        out.add(e, answer(cmd, r, redactor).withTook(Duration.ofNanos(System.nanoTime() - t0)));
      }
    }
    return out.build();
  }

  /** An AWS CLI command's outcome: exit 0 allowed; an AWS error code classified; anything else an error. */
  static SourceAnswer answer(List<String> cmd, ExecResult r, Redactor redactor) {
    String shown = String.join(" ", cmd) + ": exit " + r.exitCode();
    if (r.succeeded()) {
      return SourceAnswer.of("pod", Answer.ALLOWED, shown);
    }
    Matcher m = AWS_ERROR.matcher(r.stderr());
    if (!m.find()) {
      String first = r.stderr().strip().lines().findFirst().orElse("");
      return SourceAnswer.of("pod", Answer.ERROR, shown + (first.isEmpty() ? "" : ", " + redactor.apply(first)));
    }
    String code = m.group(1);
    int status = code.matches("\\d{3}") ? Integer.parseInt(code) : 0;
    boolean assume = m.group(2).equals("AssumeRoleWithWebIdentity");
    String with = shown + ", " + code + " on " + m.group(2);
    SourceAnswer a = switch (ServiceErrors.classify(assume, status, code)) {
      case ACCESS_DENIED -> SourceAnswer.of("pod", Answer.DENIED, with);
      case NOT_FOUND -> SourceAnswer.of("pod", Answer.ALLOWED, with + " (not found: the caller was allowed to ask)");
      case TOKEN_OR_TRUST -> SourceAnswer.of("pod", Answer.DENIED, with + " (token or trust refused)");
      case OTHER -> SourceAnswer.of("pod", Answer.ERROR, with);
    };
    return a.withError(code, null);
  }

  private ExecResult exec(String ns, String name, String... command) {
    return k8s.testPods().exec(ns, name, container, timeout, command);
  }

  private Optional<String> findPod(Target target) {
    return k8s.client().pods().inNamespace(target.serviceAccount().namespace()).list().getItems().stream()
        .filter(p -> target.serviceAccount().name().equals(saName(p)))
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .map(p -> p.getMetadata().getName()).findFirst();
  }

  private static String saName(Pod p) {
    return p.getSpec().getServiceAccountName() == null ? "default" : p.getSpec().getServiceAccountName();
  }

  @Override
  public String toString() {
    return "PodSource{" + (pod == null ? "first running pod" : pod) + "}";
  }
}
