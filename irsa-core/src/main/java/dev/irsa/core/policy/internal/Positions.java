package dev.irsa.core.policy.internal;

import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.internal.SourceMap.ConditionSpan;
import dev.irsa.core.policy.internal.SourceMap.Position;
import dev.irsa.core.policy.internal.SourceMap.StatementSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records a {@link SourceMap} while {@link PolicyCodec} writes a document (offsets turned into line:column). */
final class Positions {
  private final StringBuilder out;
  private int scanned;
  private int line = 1;
  private int lineStart;
  private Position document;
  private final List<StatementSpan> statements = new ArrayList<>();

  Positions(StringBuilder out) {
    this.out = out;
  }

  void document(JsonWriter w) {
    document = at(w.mark(), "$");
  }

  Writing statement(JsonWriter w) {
    String path = JsonPath.index("$.Statement", statements.size());
    StatementSpan span = new StatementSpan(at(w.mark(), path));
    statements.add(span);
    return new Writing(span, path);
  }

  SourceMap map() {
    return new SourceMap(document, Map.of(), statements);
  }

  /** Offsets only grow while writing, so lines are counted once. */
  private Position at(int offset, String path) {
    for (; scanned < offset; scanned++) {
      if (out.charAt(scanned) == '\n') {
        line++;
        lineStart = scanned + 1;
      }
    }
    return new Position(path, line, offset - lineStart + 1);
  }

  /** The statement being written. */
  final class Writing {
    private final StatementSpan span;
    private final String path;

    private Writing(StatementSpan span, String path) {
      this.span = span;
      this.path = path;
    }

    /** Where the next token starts; {@code segments} are member names and indexes below the statement. */
    Position position(JsonWriter w, Object... segments) {
      return at(w.mark(), path(segments));
    }

    /** The path of {@code segments} below the statement. */
    String path(Object... segments) {
      String p = path;
      for (Object s : segments) {
        p = s instanceof Integer i ? JsonPath.index(p, i) : JsonPath.member(p, (String) s);
      }
      return p;
    }

    void element(JsonWriter w, String name) {
      span.element(name, position(w, name));
    }

    void values(String element, List<Position> positions) {
      span.values(element, positions);
    }

    void principal(String element, PrincipalType type, List<Position> positions) {
      span.principal(element, type, positions);
    }

    void condition(Position operator, Position key, List<Position> values) {
      span.condition(new ConditionSpan(operator, key, values));
    }
  }
}
