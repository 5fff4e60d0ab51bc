package dev.irsa.core.aws;

import static dev.irsa.core.aws.IamProvisionerIT.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.aws.internal.PolicyText;
import dev.irsa.core.trust.IrsaTrust;
import dev.irsa.core.trust.ServiceAccountRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Issue 14, item 13: {@code provision} runs in separate processes (no shared lock, as on two
 * machines) add different service accounts to one existing role at the same moment, without any
 * artificial delay. IAM has no conditional write, so a lost update cannot be ruled out; what must
 * hold is that no run reports success while its service account is missing at the end. The counts
 * are printed (stdout of the test) so the report shows which of the two outcomes each race had.
 */
@Moto
class TrustRaceIT {
  static final ServiceAccountRef BASE = ServiceAccountRef.of("payments", "base");
  static final Pattern WRITES = Pattern.compile("(?:ok|failed) writes=(\\d+) ");

  @Test
  void twentyTwoWriterRacesReportNoLostServiceAccountAsSuccess(MotoServer moto) throws Exception {
    Tally t = race(moto, 2, 20, 0);

    assertThat(t.lostButReportedSuccess).as(t.toString()).isZero();
    assertThat(t.runs).isEqualTo(40);
  }

  @Test
  void tenFourWriterRacesReportNoLostServiceAccountAsSuccess(MotoServer moto) throws Exception {
    Tally t = race(moto, 4, 10, 0);

    assertThat(t.lostButReportedSuccess).as(t.toString()).isZero();
    assertThat(t.runs).isEqualTo(40);
  }

  /**
   * The same with up to 100 ms between each read and the next call (a slow network or a busy
   * machine): writers now overwrite each other in most races, and each must see it and merge again.
   */
  @Test
  void racesWithAWideReadToWriteWindowStillReportNoLostServiceAccountAsSuccess(MotoServer moto) throws Exception {
    Tally t = race(moto, 2, 20, 100);

    assertThat(t.lostButReportedSuccess).as(t.toString()).isZero();
    assertThat(t.rewrote).as("lost updates happened and were merged again: " + t).isPositive();
  }

  /** What the races ended in. */
  static final class Tally {
    final int writers;
    final int races;
    int runs;
    int succeeded;
    int failed;
    int lost;
    int lostButReportedSuccess;
    int racesWithALoss;
    int rewrote;
    final List<String> failures = new ArrayList<>();

    final long gapMillis;

    Tally(int writers, int races, long gapMillis) {
      this.writers = writers;
      this.races = races;
      this.gapMillis = gapMillis;
    }

    @Override
    public String toString() {
      return writers + " writers x " + races + " races" + (gapMillis == 0 ? "" : " (up to " + gapMillis
          + " ms from each read to the next call)") + ": " + runs + " runs, " + succeeded + " reported success, "
          + failed + " reported failure, " + rewrote + " saw their update lost and merged it again; " + lost
          + " service accounts missing at the end (in " + racesWithALoss + " races), " + lostButReportedSuccess
          + " of them reported success" + (failures.isEmpty() ? "" : "; failures: " + String.join(" | ", failures));
    }
  }

  private static Tally race(MotoServer moto, int writers, int races, long gapMillis) throws Exception {
    List<Worker> workers = new ArrayList<>();
    try (IamClient iam = moto.iam()) {
      for (int w = 0; w < writers; w++) {
        workers.add(Worker.start(moto, w, gapMillis));
      }
      for (Worker w : workers) {
        w.expect("ready");
        w.send("warmup-" + w.index + " warmup w" + w.index);   // loads and compiles the apply path once
        assertThat(w.next()).startsWith("ok ");
      }
      Tally tally = new Tally(writers, races, gapMillis);
      for (int r = 0; r < races; r++) {
        String role = "race-" + writers + "-" + r;
        // Given an existing role trusting payments:base
        IamProvisioner.using(iam).apply(ServiceAccountRole.builder().roleName(role).serviceAccount(CLUSTER, BASE).build());

        // When every worker adds its own service account at once
        for (Worker w : workers) {
          w.send(role + " payments writer-" + w.index);
        }
        List<String> results = new ArrayList<>();
        for (Worker w : workers) {
          results.add(w.next());
        }

        // Then: count who is trusted at the end against who reported success
        Set<String> trusted = Set.copyOf(IrsaTrust.trustedSubjects(PolicyText.parse("GetRole", role,
            iam.getRole(g -> g.roleName(role)).role().assumeRolePolicyDocument()), CLUSTER));
        assertThat(trusted).as("merging never drops a subject already there").contains(BASE.subject());
        boolean loss = false;
        for (int w = 0; w < writers; w++) {
          String result = results.get(w);
          boolean ok = result.startsWith("ok ");
          Matcher m = WRITES.matcher(result);
          assertThat(m.lookingAt()).as(result).isTrue();
          if (Integer.parseInt(m.group(1)) > 1) {
            tally.rewrote++;
          }
          boolean present = trusted.contains("system:serviceaccount:payments:writer-" + w);
          tally.runs++;
          if (ok) {
            tally.succeeded++;
          } else {
            assertThat(result).as("a run fails only for a lost update").contains(" TrustNotConfirmedException: ");
            tally.failed++;
            tally.failures.add(result);
          }
          if (!present) {
            tally.lost++;
            loss = true;
            if (ok) {
              tally.lostButReportedSuccess++;
            }
          }
        }
        if (loss) {
          tally.racesWithALoss++;
        }
      }
      System.out.println("TrustRaceIT: " + tally);
      return tally;
    } finally {
      for (Worker w : workers) {
        w.close();
      }
    }
  }

  /** One {@link RaceWorker} process. */
  static final class Worker implements AutoCloseable {
    final int index;
    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Worker(int index, Process process) {
      this.index = index;
      this.process = process;
      this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            lines.add(line);
          }
        } catch (IOException ignored) {
          // process gone
        }
        lines.add("exited");
      }, "race-worker-" + index);
      reader.setDaemon(true);
      reader.start();
    }

    static Worker start(MotoServer moto, int index, long gapMillis) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), RaceWorker.class.getName(),
          moto.endpoint().toString(), CLUSTER.issuerUrl(), Long.toString(gapMillis))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      return new Worker(index, p);
    }

    void send(String line) throws IOException {
      in.write(line + "\n");
      in.flush();
    }

    String next() throws InterruptedException {
      String line = lines.poll(120, TimeUnit.SECONDS);
      assertThat(line).as("worker " + index + " answered").isNotNull().isNotEqualTo("exited");
      return line;
    }

    void expect(String line) throws InterruptedException {
      assertThat(next()).isEqualTo(line);
    }

    @Override
    public void close() throws IOException {
      in.close();   // the worker ends at the end of its input
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
