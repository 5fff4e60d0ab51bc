package dev.irsa.core.policy.internal;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.policy.PrincipalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each part of a policy was written: statements, elements, principal identifiers,
 * conditions and condition values, each with its JSON path and 1-based line:column. It sits
 * beside the {@code PolicyDocument} it describes (see {@link ParsedPolicy}), never inside it, so
 * two documents that say the same thing stay equal wherever they came from.
 *
 * <p>A value written as a plain string has the path of its element ({@code $.Statement[0].Action});
 * a value in an array has its index ({@code $.Statement[0].Action[1]}).
 */
public final class SourceMap {
  /** A JSON path and the 1-based line and column where that value starts. */
  public record Position(String path, int line, int column) {
    static Position of(String path, JsonNode at) {
      return new Position(path, at.line(), at.column());
    }

    @Override
    public String toString() {
      return path + " " + line + ":" + column;
    }
  }

  /** The positions of one condition (one operator and key) and of its values. */
  public record ConditionSpan(Position operator, Position key, List<Position> values) {
    /** Value {@code i}, or the key when there is no such value. */
    public Position value(int i) {
      return i >= 0 && i < values.size() ? values.get(i) : key;
    }
  }

  /** A condition block that tests nothing: the whole {@code Condition} (operator null) or one operator. */
  public record EmptyBlock(String operator, Position at) {}

  /** The positions inside one statement. */
  public static final class StatementSpan {
    private final Position self;
    private final Map<String, Position> elements = new HashMap<>(8);
    private final Map<String, List<Position>> values = new HashMap<>(8);
    private final Map<String, Map<PrincipalType, List<Position>>> principals = new HashMap<>(2);
    private final List<ConditionSpan> conditions = new ArrayList<>();
    private final List<EmptyBlock> emptyConditionBlocks = new ArrayList<>(0);

    StatementSpan(Position self) {
      this.self = self;
    }

    /** The statement object itself. */
    public Position self() {
      return self;
    }

    /** The value of an element, e.g. {@code "Action"}; for an absent element, its would-be path. */
    public Position element(String name) {
      Position p = elements.get(name);
      return p != null ? p : new Position(JsonPath.member(self.path(), name), self.line(), self.column());
    }

    /** True when the statement was written with this element. */
    public boolean has(String name) {
      return elements.containsKey(name);
    }

    /** Value {@code i} of Action, NotAction, Resource or NotResource. */
    public Position value(String element, int i) {
      List<Position> list = values.get(element);
      return list != null && i < list.size() ? list.get(i) : element(element);
    }

    /** Identifier {@code i} of one type in Principal or NotPrincipal. */
    public Position principal(String element, PrincipalType type, int i) {
      Map<PrincipalType, List<Position>> byType = principals.get(element);
      List<Position> list = byType == null ? null : byType.get(type);
      return list != null && i < list.size() ? list.get(i) : element(element);
    }

    /** Condition {@code i}, in the order of {@code Statement.conditions()}. */
    public ConditionSpan condition(int i) {
      return conditions.get(i);
    }

    /**
     * Condition blocks that test nothing ({@code "Condition": {}}, or an operator without keys):
     * the model drops them, so only the source remembers them.
     */
    public List<EmptyBlock> emptyConditionBlocks() {
      return Collections.unmodifiableList(emptyConditionBlocks);
    }

    void element(String name, Position p) {
      elements.put(name, p);
    }

    void values(String element, List<Position> list) {
      values.put(element, list);
    }

    void principal(String element, PrincipalType type, List<Position> list) {
      principals.computeIfAbsent(element, k -> new EnumMap<>(PrincipalType.class)).put(type, list);
    }

    void condition(ConditionSpan span) {
      conditions.add(span);
    }

    void emptyConditionBlock(String operator, Position p) {
      emptyConditionBlocks.add(new EmptyBlock(operator, p));
    }
  }

  private final Position document;
  private final Map<String, Position> documentElements;
  private final List<StatementSpan> statements;

  SourceMap(Position document, Map<String, Position> documentElements, List<StatementSpan> statements) {
    this.document = document;
    this.documentElements = Collections.unmodifiableMap(documentElements);
    this.statements = Collections.unmodifiableList(statements);
  }

  /** The document object. */
  public Position document() {
    return document;
  }

  /** A document element (Version, Id, Statement), or null when absent. */
  public Position documentElement(String name) {
    return documentElements.get(name);
  }

  /** Statement {@code i}, in the order of {@code PolicyDocument.statements()}. */
  public StatementSpan statement(int i) {
    return statements.get(i);
  }

  public int statementCount() {
    return statements.size();
  }

  @Override
  public String toString() {
    return "SourceMap{" + document + ", " + statements.size() + " statements}";
  }
}
