package dev.irsa.core.lint;

import dev.irsa.core.internal.Quote;
import dev.irsa.core.internal.json.JsonWriter;
import java.util.List;
import java.util.Objects;

/** The findings for one policy, most severe first, then in document order. */
public record LintReport(PolicyKind kind, List<Finding> findings) {
  public LintReport {
    Objects.requireNonNull(kind, "kind");
    findings = List.copyOf(findings);
  }

  /** True when any finding is an {@link Severity#ERROR}. */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** One line: {@code no findings}, or {@code 3 findings: 1 ERROR, 2 WARNING}. */
  public String summary() {
    if (findings.isEmpty()) {
      return "no findings";
    }
    StringBuilder sb = new StringBuilder().append(findings.size()).append(findings.size() == 1 ? " finding: " : " findings: ");
    String sep = "";
    for (Severity s : Severity.values()) {
      long n = count(s);
      if (n > 0) {
        sb.append(sep).append(n).append(' ').append(s);
        sep = ", ";
      }
    }
    return sb.toString();
  }

  /** The findings with this code. */
  public List<Finding> findings(FindingCode code) {
    return findings.stream().filter(f -> f.code() == code).toList();
  }

  /**
   * A JSON array of {@code {"code","severity","message","path"}} objects; a finding that occurs
   * several times adds {@code "count"} and {@code "paths"} (the first places).
   */
  public String toJson(boolean pretty) {
    JsonWriter w = new JsonWriter(pretty);
    w.beginArray();
    for (Finding f : findings) {
      w.beginObject();
      w.name("code").value(f.code().name());
      w.name("severity").value(f.severity().name());
      w.name("message").value(f.message());
      w.name("path").value(f.path());
      if (f.count() > 1) {
        w.name("count").raw(Integer.toString(f.count()));
        w.name("paths").beginArray();
        f.paths().forEach(w::value);
        w.endArray();
      }
      w.endObject();
    }
    w.endArray();
    return w.toString();
  }

  /** A plain-text table: severity, code, path, message; one finding per line. */
  public String toTable() {
    if (findings.isEmpty()) {
      return "no findings (" + kind + " policy)\n";
    }
    int sev = "SEVERITY".length();
    int code = "CODE".length();
    int path = "PATH".length();
    for (Finding f : findings) {
      sev = Math.max(sev, f.severity().name().length());
      code = Math.max(code, f.code().name().length());
      path = Math.max(path, f.path().length());
    }
    String fmt = "%-" + sev + "s  %-" + code + "s  %-" + path + "s  %s%n";
    StringBuilder sb = new StringBuilder(String.format(fmt, "SEVERITY", "CODE", "PATH", "MESSAGE"));
    for (Finding f : findings) {
      String message = f.count() == 1 ? f.message() : f.message() + " (" + f.count() + " times)";
      sb.append(String.format(fmt, f.severity(), f.code(), Quote.escape(f.path()), Quote.line(message)));
    }
    return sb.toString();
  }
}
