package dev.irsa.verify.doctor;

import dev.irsa.core.internal.json.JsonWriter;
import java.util.Comparator;
import java.util.List;

/** The findings of a diagnosis or an audit, most severe first (stable within a severity). */
public record Report(List<Finding> findings) {
  public Report {
    findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /** The codes, in order (for tests and quick looks). */
  public List<Code> codes() {
    return findings.stream().map(Finding::code).toList();
  }

  /** {@code 2 errors, 1 warning, 0 info}. */
  public String summary() {
    long e = count(Severity.ERROR);
    long w = count(Severity.WARNING);
    return e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ") + count(Severity.INFO) + " info";
  }

  /** {@code {"findings": [{code, severity, subject, message, evidence: [...], fix}], "summary": {...}}}. */
  public String toJson() {
    JsonWriter w = new JsonWriter(true);
    w.beginObject().name("findings").beginArray();
    for (Finding f : findings) {
      w.beginObject().name("code").value(f.code().name()).name("severity").value(f.severity().name())
          .name("subject").value(f.subject()).name("message").value(f.message()).name("evidence").beginArray();
      f.evidence().forEach(w::value);
      w.endArray().name("fix").value(f.fix()).endObject();
    }
    w.endArray().name("summary").beginObject()
        .name("errors").raw(Long.toString(count(Severity.ERROR)))
        .name("warnings").raw(Long.toString(count(Severity.WARNING)))
        .name("info").raw(Long.toString(count(Severity.INFO)))
        .endObject().endObject();
    return w.toString();
  }

  /** A fixed-width table: severity, code, subject, message; evidence and fix indented below. */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append(String.format("%-7s %-28s %s%n", f.severity(), f.code(), f.subject()));
      sb.append("        ").append(f.message()).append('\n');
      for (String e : f.evidence()) {
        sb.append("        - ").append(e).append('\n');
      }
      sb.append("        fix: ").append(f.fix()).append('\n');
    }
    sb.append(summary()).append('\n');
    return sb.toString();
  }
}
