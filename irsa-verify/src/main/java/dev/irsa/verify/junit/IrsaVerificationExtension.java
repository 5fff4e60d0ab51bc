package dev.irsa.verify.junit;

import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.VerificationReport;
import dev.irsa.verify.source.Target;
import dev.irsa.verify.source.Verification;
import dev.irsa.verify.source.VerificationSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Verifies a service account in an app repo's test suite. The offline sources always run; the live
 * ones (account, token, pod) run when the environment names a cluster and an account
 * ({@link LiveSettings}), and are otherwise reported SKIPPED in the report and skipped in JUnit by
 * {@link #liveReport()}, never passed.
 *
 * <pre>{@code
 * @RegisterExtension
 * static IrsaVerificationExtension irsa = IrsaVerificationExtension.builder()
 *     .target(Target.builder().serviceAccount(sa).role(role).provider(cluster).build())
 *     .expectations(Expectations.builder().callerIdentity().s3Read("bucket", "key").build())
 *     .addSource(OfflineSource.builder().trust(trust).addIdentityPolicy("app", policy).build())
 *     .build();
 *
 * @Test void offline() { assertThat(irsa.report()).allows("s3:GetObject", "arn:aws:s3:::bucket/key"); }
 * @Test void live() { assertThat(irsa.liveReport()).allows("s3:GetObject", "arn:aws:s3:::bucket/key"); }
 * }</pre>
 */
public final class IrsaVerificationExtension implements AfterAllCallback {
  private final Target target;
  private final Expectations expectations;
  private final List<VerificationSource> offline;
  private final LiveSettings settings;
  private LiveSettings.Sources live;
  private VerificationReport report;

  private IrsaVerificationExtension(Builder b) {
    this.target = Objects.requireNonNull(b.target, "target is required");
    this.expectations = Objects.requireNonNull(b.expectations, "expectations is required");
    this.offline = List.copyOf(b.sources);
    this.settings = b.settings != null ? b.settings : LiveSettings.fromEnvironment(System.getenv(), System.getProperties());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Why the live sources do not run here, or empty when they do. */
  public synchronized java.util.Optional<String> liveUnavailable() {
    return settings.unavailable();
  }

  /** The report of every source that can run here (live ones SKIPPED with the reason when they cannot). */
  public synchronized VerificationReport report() {
    if (report == null) {
      Verification v = Verification.of(target, expectations);
      offline.forEach(v::addSource);
      if (settings.unavailable().isEmpty()) {
        live = settings.open(target);
        live.sources().forEach(v::addSource);
      } else {
        for (String s : List.of("account", "token", "pod")) {
          v.addSkipped(s, settings.unavailable().get());
        }
      }
      report = v.run();
    }
    return report;
  }

  /** The report, for a test about the live sources: the test is skipped (never passed) when they cannot run here. */
  public VerificationReport liveReport() {
    liveUnavailable().ifPresent(reason -> Assumptions.abort("live verification skipped: " + reason));
    return report();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (live != null) {
      live.close();
      live = null;
    }
  }

  /** Configures the extension; target and expectations are required. */
  public static final class Builder {
    private Target target;
    private Expectations expectations;
    private final List<VerificationSource> sources = new ArrayList<>();
    private LiveSettings settings;

    private Builder() {}

    public Builder target(Target target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    public Builder expectations(Expectations expectations) {
      this.expectations = Objects.requireNonNull(expectations, "expectations");
      return this;
    }

    /** An offline source (always run). */
    public Builder addSource(VerificationSource source) {
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Explicit live settings instead of the environment's. */
    public Builder live(LiveSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    public IrsaVerificationExtension build() {
      return new IrsaVerificationExtension(this);
    }
  }
}
