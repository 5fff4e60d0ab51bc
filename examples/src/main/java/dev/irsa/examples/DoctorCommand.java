package dev.irsa.examples;

import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.doctor.Doctor;
import dev.irsa.verify.doctor.PermissionExpectation;
import dev.irsa.verify.doctor.Report;
import dev.irsa.verify.doctor.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code doctor --service-account NS:NAME [--pod NAME] [snapshot flags] [--json]}. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Name the broken link of one service account's IRSA: annotation, role, OIDC provider, trust, "
        + "webhook, pods, credentials, and (with --expect-*) permissions.",
        "From files in the standard formats, or live without --k8s/--iam/--oidc-providers.",
        "Exit 1 when any finding is an ERROR, 0 otherwise, 2 on bad input."})
final class DoctorCommand implements Callable<Integer> {
  @Option(names = "--service-account", required = true, paramLabel = "NS:NAME", description = "The service account.")
  String serviceAccount;

  @Option(names = "--pod", paramLabel = "NAME", description = "Only this pod of the service account.")
  String pod;

  @Option(names = "--expect-allowed", paramLabel = "ACTION,RESOURCE",
      description = "A permission the role must have (checked offline against its policies); repeatable.")
  List<String> allowed = new ArrayList<>();

  @Option(names = "--expect-denied", paramLabel = "ACTION,RESOURCE",
      description = "A permission the role must not have; repeatable.")
  List<String> denied = new ArrayList<>();

  @Option(names = "--json", description = "Print the findings as JSON.")
  boolean json;

  @Mixin
  SnapshotOptions snapshot = new SnapshotOptions();

  @Override
  public Integer call() {
    ServiceAccountRef sa;
    try {
      sa = ServiceAccountRef.parse(serviceAccount);
    } catch (IllegalArgumentException e) {
      throw new CliException(2, "--service-account: " + e.getMessage());
    }
    List<PermissionExpectation> expectations = new ArrayList<>();
    allowed.forEach(a -> expectations.add(expectation(a, true)));
    denied.forEach(d -> expectations.add(expectation(d, false)));
    Doctor doctor = Doctor.create();
    Snapshot s = snapshot.snapshot(System.err);
    Report r;
    try {
      r = doctor.diagnose(s, sa, pod, expectations);
    } catch (IllegalArgumentException e) {
      throw new CliException(2, e.getMessage());
    }
    if (json) {
      System.out.println(r.toJson());
    } else {
      System.out.println("doctor " + sa + (pod == null ? "" : " pod " + pod) + ": " + (r.findings().isEmpty()
          ? "no broken link found" : r.hasErrors() ? "broken" : "works, with warnings"));
      System.out.print(r.toTable());
    }
    return r.hasErrors() ? 1 : 0;
  }

  private static PermissionExpectation expectation(String text, boolean allowed) {
    int comma = text.indexOf(',');
    if (comma <= 0 || comma == text.length() - 1) {
      throw new CliException(2, (allowed ? "--expect-allowed" : "--expect-denied") + " must be ACTION,RESOURCE "
          + "(e.g. s3:ListBucket,arn:aws:s3:::bucket), got: '" + text + "'");
    }
    return new PermissionExpectation(text.substring(0, comma).trim(), text.substring(comma + 1).trim(), allowed);
  }
}
