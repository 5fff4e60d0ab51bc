package dev.irsa.verify.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the service account becomes the role: the token's claims (never the token), whether the
 * cluster's OIDC provider exists in the role's account with the audience, the trust decision and
 * the statement that made it, and the assumed-role ARN STS returned. Each part says which source
 * established it; parts no source reached are empty.
 */
public final class IdentityChain {
  private final String tokenIssuer;
  private final String tokenSubject;
  private final List<String> tokenAudiences;
  private final Instant tokenExpires;
  private final String tokenSource;
  private final String providerArn;
  private final Boolean providerFound;
  private final String providerEvidence;
  private final String trustDecision;
  private final String trustEvidence;
  private final String trustSource;
  private final String assumedRoleArn;
  private final String assumedRoleSource;
  private final List<String> notes;

  private IdentityChain(Builder b) {
    this.tokenIssuer = b.tokenIssuer;
    this.tokenSubject = b.tokenSubject;
    this.tokenAudiences = List.copyOf(b.tokenAudiences);
    this.tokenExpires = b.tokenExpires;
    this.tokenSource = b.tokenSource;
    this.providerArn = b.providerArn;
    this.providerFound = b.providerFound;
    this.providerEvidence = b.providerEvidence;
    this.trustDecision = b.trustDecision;
    this.trustEvidence = b.trustEvidence;
    this.trustSource = b.trustSource;
    this.assumedRoleArn = b.assumedRoleArn;
    this.assumedRoleSource = b.assumedRoleSource;
    this.notes = List.copyOf(b.notes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Nothing known. */
  public static IdentityChain empty() {
    return builder().build();
  }

  public Optional<String> tokenIssuer() {
    return Optional.ofNullable(tokenIssuer);
  }

  public Optional<String> tokenSubject() {
    return Optional.ofNullable(tokenSubject);
  }

  public List<String> tokenAudiences() {
    return tokenAudiences;
  }

  public Optional<Instant> tokenExpires() {
    return Optional.ofNullable(tokenExpires);
  }

  /** Where the claims came from (e.g. {@code token: TokenRequest}, {@code pod: mounted token}). */
  public Optional<String> tokenSource() {
    return Optional.ofNullable(tokenSource);
  }

  public Optional<String> providerArn() {
    return Optional.ofNullable(providerArn);
  }

  /** Whether the OIDC provider exists in the role's account with the token's audience (read from IAM). */
  public Optional<Boolean> providerFound() {
    return Optional.ofNullable(providerFound);
  }

  public Optional<String> providerEvidence() {
    return Optional.ofNullable(providerEvidence);
  }

  /** {@code ALLOWED}, {@code EXPLICIT_DENY} or {@code IMPLICIT_DENY}: irsa's evaluation of the trust policy. */
  public Optional<String> trustDecision() {
    return Optional.ofNullable(trustDecision);
  }

  /** The statement that decided, or why none did. */
  public Optional<String> trustEvidence() {
    return Optional.ofNullable(trustEvidence);
  }

  /** Which source evaluated the trust policy ({@code offline}: given document, {@code account}: read from IAM). */
  public Optional<String> trustSource() {
    return Optional.ofNullable(trustSource);
  }

  /** The ARN STS returned for the session ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}). */
  public Optional<String> assumedRoleArn() {
    return Optional.ofNullable(assumedRoleArn);
  }

  public Optional<String> assumedRoleSource() {
    return Optional.ofNullable(assumedRoleSource);
  }

  /** What the sources want a reader to know (e.g. that the STS endpoint checked no trust policy). */
  public List<String> notes() {
    return notes;
  }

  /** A builder holding this chain's parts. */
  public Builder toBuilder() {
    return builder().merge(this);
  }

  @Override
  public String toString() {
    return "IdentityChain{sub=" + tokenSubject + ", provider=" + providerFound + ", trust=" + trustDecision
        + ", assumedRole=" + assumedRoleArn + "}";
  }

  /** Sets parts; {@link #merge(IdentityChain)} fills only the parts still unset. */
  public static final class Builder {
    private String tokenIssuer;
    private String tokenSubject;
    private List<String> tokenAudiences = List.of();
    private Instant tokenExpires;
    private String tokenSource;
    private String providerArn;
    private Boolean providerFound;
    private String providerEvidence;
    private String trustDecision;
    private String trustEvidence;
    private String trustSource;
    private String assumedRoleArn;
    private String assumedRoleSource;
    private final List<String> notes = new ArrayList<>();

    private Builder() {}

    /** The token's claims (the token itself is never taken). */
    public Builder token(String source, String iss, String sub, List<String> aud, Instant exp) {
      this.tokenSource = Objects.requireNonNull(source, "source");
      this.tokenIssuer = iss;
      this.tokenSubject = sub;
      this.tokenAudiences = List.copyOf(aud);
      this.tokenExpires = exp;
      return this;
    }

    public Builder provider(String arn, boolean found, String evidence) {
      this.providerArn = Objects.requireNonNull(arn, "arn");
      this.providerFound = found;
      this.providerEvidence = Objects.requireNonNull(evidence, "evidence");
      return this;
    }

    public Builder trust(String source, String decision, String evidence) {
      this.trustSource = Objects.requireNonNull(source, "source");
      this.trustDecision = Objects.requireNonNull(decision, "decision");
      this.trustEvidence = Objects.requireNonNull(evidence, "evidence");
      return this;
    }

    public Builder assumedRole(String source, String arn) {
      this.assumedRoleSource = Objects.requireNonNull(source, "source");
      this.assumedRoleArn = Objects.requireNonNull(arn, "arn");
      return this;
    }

    public Builder addNote(String note) {
      notes.add(Objects.requireNonNull(note, "note"));
      return this;
    }

    /** Fills the parts still unset from {@code other}; appends its notes. */
    public Builder merge(IdentityChain other) {
      if (tokenSubject == null && other.tokenSubject != null) {
        token(other.tokenSource, other.tokenIssuer, other.tokenSubject, other.tokenAudiences, other.tokenExpires);
      }
      if (providerFound == null && other.providerFound != null) {
        provider(other.providerArn, other.providerFound, other.providerEvidence);
      }
      if (trustDecision == null && other.trustDecision != null) {
        trust(other.trustSource, other.trustDecision, other.trustEvidence);
      }
      if (assumedRoleArn == null && other.assumedRoleArn != null) {
        assumedRole(other.assumedRoleSource, other.assumedRoleArn);
      }
      other.notes.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
      return this;
    }

    public IdentityChain build() {
      return new IdentityChain(this);
    }
  }
}
