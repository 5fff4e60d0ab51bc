package dev.irsa.verify.report;

import java.util.Locale;

/** The report's JSON, table and JUnit XML forms. */
final class ReportFormats {
  private ReportFormats() {}

  static String json(VerificationReport r) {
    Json w = new Json().beginObject();
    w.field("serviceAccount", r.serviceAccount()).field("role", r.role());
    w.name("passed").value(r.passed());
    w.field("summary", r.summary());
    w.name("tookMillis").value(r.took().toMillis());
    w.name("sources").beginArray();
    for (SourceRun s : r.sources()) {
      w.beginObject().field("source", s.source()).name("ran").value(s.ran());
      if (!s.ran()) {
        w.field("reason", s.reason());
      }
      w.name("tookMillis").value(s.took().toMillis()).endObject();
    }
    w.endArray();
    identity(w, r.identity());
    w.name("checks").beginArray();
    for (CheckResult c : r.checks()) {
      w.beginObject();
      w.field("expected", VerificationReport.expected(c.expectation()));
      w.field("action", c.expectation().action()).field("resource", c.expectation().resource());
      if (!c.expectation().label().isEmpty()) {
        w.field("label", c.expectation().label());
      }
      w.field("verdict", c.verdict().name());
      w.name("answers").beginArray();
      for (SourceAnswer a : c.answers()) {
        w.beginObject().field("source", a.source()).field("answer", a.answer().name());
        if (!a.counts()) {
          w.name("counts").value(false);
        }
        w.field("evidence", a.evidence());
        a.errorCode().ifPresent(code -> w.field("errorCode", code));
        a.requestId().ifPresent(id -> w.field("requestId", id));
        w.name("tookMillis").value(a.took().toMillis()).endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
    return w.endObject().toString();
  }

  private static void identity(Json w, IdentityChain id) {
    w.name("identity").beginObject();
    if (id.tokenSubject().isPresent()) {
      w.name("token").beginObject().field("source", id.tokenSource().orElse(null))
          .field("iss", id.tokenIssuer().orElse(null)).field("sub", id.tokenSubject().orElse(null));
      w.name("aud").beginArray();
      id.tokenAudiences().forEach(w::value);
      w.endArray();
      w.field("exp", id.tokenExpires().map(Object::toString).orElse(null)).endObject();
    }
    if (id.providerFound().isPresent()) {
      w.name("provider").beginObject().field("arn", id.providerArn().orElse(null))
          .name("found").value(id.providerFound().get()).field("evidence", id.providerEvidence().orElse("")).endObject();
    }
    if (id.trustDecision().isPresent()) {
      w.name("trust").beginObject().field("source", id.trustSource().orElse(null))
          .field("decision", id.trustDecision().get()).field("evidence", id.trustEvidence().orElse("")).endObject();
    }
    if (id.assumedRoleArn().isPresent()) {
      w.name("assumedRole").beginObject().field("source", id.assumedRoleSource().orElse(null))
          .field("arn", id.assumedRoleArn().get()).endObject();
    }
    w.name("notes").beginArray();
    id.notes().forEach(w::value);
    w.endArray();
    w.endObject();
  }

  static String table(VerificationReport r) {
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    IdentityChain id = r.identity();
    sb.append("service account ").append(r.serviceAccount()).append(", role ").append(r.role()).append(nl);
    for (SourceRun s : r.sources()) {
      sb.append("  source ").append(s.source()).append(": ")
          .append(s.ran() ? "ran (" + VerificationReport.millis(s.took()) + ")" : "skipped: " + s.reason()).append(nl);
    }
    id.tokenSubject().ifPresent(sub -> sb.append("  token    iss ").append(id.tokenIssuer().orElse("?")).append(", sub ")
        .append(sub).append(", aud ").append(String.join(",", id.tokenAudiences())).append(", exp ")
        .append(id.tokenExpires().map(Object::toString).orElse("?")).append(" (").append(id.tokenSource().orElse(""))
        .append(')').append(nl));
    id.providerFound().ifPresent(f -> sb.append("  provider ").append(id.providerArn().orElse("?"))
        .append(f ? ": found, " : ": NOT FOUND, ").append(id.providerEvidence().orElse("")).append(nl));
    id.trustDecision().ifPresent(d -> sb.append("  trust    ").append(d).append(" (").append(id.trustSource().orElse(""))
        .append("): ").append(id.trustEvidence().orElse("")).append(nl));
    id.assumedRoleArn().ifPresent(a -> sb.append("  session  ").append(a).append(" (from ")
        .append(id.assumedRoleSource().orElse("")).append(')').append(nl));
    id.notes().forEach(n -> sb.append("  note     ").append(n).append(nl));
    String fmt = "%-7s %-6s %-26s %-60s %-10s %-14s %s%n";
    sb.append(String.format(Locale.ROOT, fmt, "verdict", "expect", "action", "resource", "source", "answer", "evidence"));
    for (CheckResult c : r.checks()) {
      boolean first = true;
      for (SourceAnswer a : c.answers()) {
        sb.append(String.format(Locale.ROOT, fmt, first ? c.verdict().name() : "", first ? VerificationReport.expected(c.expectation()) : "",
            first ? c.expectation().action() : "", first ? c.expectation().resource() : "", a.source(),
            a.answer().name() + (a.counts() ? "" : "*"), oneLine(a)));
        first = false;
      }
      if (first) {
        sb.append(String.format(Locale.ROOT, fmt, c.verdict().name(), VerificationReport.expected(c.expectation()),
            c.expectation().action(), c.expectation().resource(), "-", "-", "no source answered"));
      }
    }
    if (r.checks().stream().anyMatch(c -> c.answers().stream().anyMatch(a -> !a.counts()))) {
      sb.append("* shown, not counted in the verdict").append(nl);
    }
    sb.append(r.summary()).append(nl);
    return sb.toString();
  }

  private static String oneLine(SourceAnswer a) {
    String s = a.evidence().replace('\n', ' ').trim();
    if (a.errorCode().isPresent()) {
      s += " [" + a.errorCode().get() + a.requestId().map(id -> ", request " + id).orElse("") + "]";
    }
    return s + " (" + VerificationReport.millis(a.took()) + ")";
  }

  static String junitXml(VerificationReport r) {
    long failures = r.checks().stream().filter(c -> c.verdict() != Verdict.PASS).count();
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite name=\"").append(xml("irsa verify " + r.serviceAccount())).append("\" tests=\"")
        .append(r.checks().size()).append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"")
        .append(seconds(r.took().toMillis())).append("\">\n");
    for (CheckResult c : r.checks()) {
      long ms = c.answers().stream().mapToLong(a -> a.took().toMillis()).sum();
      sb.append("  <testcase classname=\"").append(xml("irsa." + r.serviceAccount())).append("\" name=\"")
          .append(xml(c.expectation().name())).append("\" time=\"").append(seconds(ms)).append('"');
      if (c.verdict() == Verdict.PASS) {
        sb.append(">\n    <system-out>").append(xml(c.explain())).append("</system-out>\n  </testcase>\n");
      } else {
        sb.append(">\n    <failure type=\"").append(c.verdict()).append("\" message=\"")
            .append(xml(c.verdict() + ": expected " + c.expectation().name())).append("\">")
            .append(xml(c.explain())).append("</failure>\n  </testcase>\n");
      }
    }
    return sb.append("</testsuite>\n").toString();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append('?');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
