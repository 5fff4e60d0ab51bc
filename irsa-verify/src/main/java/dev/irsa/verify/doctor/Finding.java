package dev.irsa.verify.doctor;

import java.util.List;
import java.util.Objects;

/**
 * One broken or fragile link: a stable {@link Code} (and its {@link Severity}), the subject it is
 * about ({@code serviceaccount ns/name}, {@code pod ns/name}, {@code role <arn>}, {@code provider <arn>},
 * {@code cluster}), what is wrong, the evidence (the exact annotation, statement, condition key and value,
 * timestamps) and a concrete fix (a command or the policy change).
 */
public record Finding(Code code, String subject, String message, List<String> evidence, String fix) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(fix, "fix");
  }

  public Severity severity() {
    return code.severity();
  }

  @Override
  public String toString() {
    return severity() + " " + code + " " + subject + ": " + message;
  }
}
