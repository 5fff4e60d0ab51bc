package dev.irsa.verify.live;

import dev.irsa.k8s.EksAnnotations;
import dev.irsa.k8s.IrsaKubernetes;
import dev.irsa.k8s.ServiceAccountToken;
import dev.irsa.k8s.TokenClaims;
import dev.irsa.verify.expect.Expectation;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.SourceAnswer;
import dev.irsa.verify.source.ProbeTable;
import dev.irsa.verify.source.Redactor;
import dev.irsa.verify.source.SourceResult;
import dev.irsa.verify.source.Target;
import dev.irsa.verify.source.VerificationSource;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What the pod's SDK would do, from outside the pod: a TokenRequest token for the service account
 * with the audience its {@code eks.amazonaws.com/audience} annotation names (default
 * {@code sts.amazonaws.com}), {@code AssumeRoleWithWebIdentity} with it, {@code GetCallerIdentity}
 * with the session, then the read-only probes of {@link ProbeTable} with the session's
 * credentials. Actions without a probe are answered NOT_PROBED. The token and the credentials are
 * never shown. The caller owns the Kubernetes client and the STS client.
 *
 * <pre>{@code
 * TokenSource token = TokenSource.builder().kubernetes(IrsaKubernetes.using(client)).sts(sts)
 *     .probeClients(ProbeClients.of("us-west-2", null)).build();
 * }</pre>
 */
public final class TokenSource implements VerificationSource {
  private final IrsaKubernetes k8s;
  private final StsClient sts;
  private final ProbeClients clients;
  private final boolean stsChecksTrust;
  private final Runnable beforeProbes;
  private final Duration lifetime;
  private final String sessionName;

  private TokenSource(Builder b) {
    this.k8s = Objects.requireNonNull(b.k8s, "kubernetes is required");
    this.sts = Objects.requireNonNull(b.sts, "sts is required");
    this.clients = Objects.requireNonNull(b.clients, "probeClients is required");
    this.stsChecksTrust = b.stsChecksTrust;
    this.beforeProbes = b.beforeProbes;
    this.lifetime = b.lifetime;
    this.sessionName = b.sessionName;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "token";
  }

  @Override
  public SourceResult run(Target target, Expectations expectations) {
    Redactor redactor = new Redactor();
    SourceResult.Builder out = SourceResult.builder(name());
    String audience = annotatedAudience(target).orElse(target.audience());
    ServiceAccountToken token = k8s.requestToken(target.serviceAccount(), audience, lifetime);
    redactor.secret(token.reveal());
    TokenClaims claims = token.claims();
    out.identity().token("token: TokenRequest (audience " + audience + ")", claims.issuer(), claims.subject(),
        claims.audiences(), claims.expiresAt());
    long start = System.nanoTime();
    AssumeRoleWithWebIdentityResponse session;
    try {
      session = sts.assumeRoleWithWebIdentity(r -> r.roleArn(target.role().toString()).roleSessionName(sessionName)
          .webIdentityToken(token.reveal()));
    } catch (AwsServiceException e) {
      SourceAnswer refused = SdkProbes.classified("AssumeRoleWithWebIdentity", e, true, name(), redactor)
          .withTook(Duration.ofNanos(System.nanoTime() - start));
      for (Expectation x : expectations) {
        out.add(x, x.isCallerIdentity() ? refused : SourceAnswer.of(name(), Answer.ERROR,
            "no session: AssumeRoleWithWebIdentity was refused (" + refused.errorCode().orElse("") + ")"));
      }
      return out.build();
    }
    Credentials c = session.credentials();
    redactor.secret(c.accessKeyId()).secret(c.secretAccessKey()).secret(c.sessionToken());
    if (!stsChecksTrust) {
      out.identity().addNote("the STS endpoint does not check the trust policy or the token (moto accepts any token): "
          + "the trust decision comes from irsa's evaluation, and the token source's identity answer is not counted");
    }
    StaticCredentialsProvider creds = StaticCredentialsProvider.create(
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    SourceAnswer identity = identity(creds, redactor, start, out);
    if (beforeProbes != null) {
      beforeProbes.run();
    }
    try (S3Client s3 = clients.s3(creds); DynamoDbClient ddb = clients.dynamoDb(creds)) {
      SdkProbes probes = new SdkProbes(name(), s3, ddb, null, redactor);
      for (Expectation e : expectations) {
        if (e.isCallerIdentity()) {
          out.add(e, stsChecksTrust ? identity : identity.notCounted());
          continue;
        }
        Optional<ProbeTable.Probe> p = ProbeTable.probe(e);
        out.add(e, p.isPresent() ? probes.run(p.get()) : SourceAnswer.of(name(), Answer.NOT_PROBED, ProbeTable.whyNotProbed(e)));
      }
    }
    return out.build();
  }

  /** GetCallerIdentity with the session; the assumed-role ARN goes into the identity chain. */
  private SourceAnswer identity(StaticCredentialsProvider creds, Redactor redactor, long start, SourceResult.Builder out) {
    try {
      String arn = sts.getCallerIdentity(r -> r.overrideConfiguration(o -> o.credentialsProvider(creds))).arn();
      out.identity().assumedRole(name() + ": GetCallerIdentity", arn);
      return SourceAnswer.of(name(), Answer.ALLOWED, "AssumeRoleWithWebIdentity and GetCallerIdentity succeeded: " + arn)
          .withTook(Duration.ofNanos(System.nanoTime() - start));
    } catch (AwsServiceException e) {
      return SdkProbes.classified("GetCallerIdentity", e, false, name(), redactor)
          .withTook(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private Optional<String> annotatedAudience(Target target) {
    ServiceAccount sa = k8s.client().serviceAccounts().inNamespace(target.serviceAccount().namespace())
        .withName(target.serviceAccount().name()).get();
    if (sa == null || sa.getMetadata().getAnnotations() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(sa.getMetadata().getAnnotations().get(EksAnnotations.AUDIENCE));
  }

  @Override
  public String toString() {
    return "TokenSource{" + k8s + ", stsChecksTrust=" + stsChecksTrust + "}";
  }

  /** Configures a {@link TokenSource}; Kubernetes, STS and the probe clients are required. */
  public static final class Builder {
    private IrsaKubernetes k8s;
    private StsClient sts;
    private ProbeClients clients;
    private boolean stsChecksTrust = true;
    private Runnable beforeProbes;
    private Duration lifetime = Duration.ofMinutes(10);
    private String sessionName = "irsa-verify";

    private Builder() {}

    public Builder kubernetes(IrsaKubernetes k8s) {
      this.k8s = Objects.requireNonNull(k8s, "k8s");
      return this;
    }

    /** The STS client (its own credentials are not used for AssumeRoleWithWebIdentity, which is unsigned). */
    public Builder sts(StsClient sts) {
      this.sts = Objects.requireNonNull(sts, "sts");
      return this;
    }

    public Builder probeClients(ProbeClients clients) {
      this.clients = Objects.requireNonNull(clients, "clients");
      return this;
    }

    /**
     * False for an STS endpoint that checks neither the token nor the trust policy (moto): the report
     * then says so and the identity answer does not count.
     */
    public Builder stsChecksTrust(boolean checks) {
      this.stsChecksTrust = checks;
      return this;
    }

    /** Runs after the session is obtained and before the probes (e.g. to switch on moto's IAM enforcement). */
    public Builder beforeProbes(Runnable hook) {
      this.beforeProbes = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** The token's lifetime (default and minimum 10 minutes). */
    public Builder tokenLifetime(Duration lifetime) {
      this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
      return this;
    }

    public Builder sessionName(String name) {
      this.sessionName = Objects.requireNonNull(name, "name");
      return this;
    }

    public TokenSource build() {
      return new TokenSource(this);
    }
  }
}
