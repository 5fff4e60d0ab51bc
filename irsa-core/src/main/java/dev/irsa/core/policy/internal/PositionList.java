package dev.irsa.core.policy.internal;

import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.policy.internal.SourceMap.Position;
import java.util.AbstractList;
import java.util.Arrays;

/**
 * The positions of the values of one element, eight bytes each: a plain value has the element's
 * path, values of an array their indexed paths, made when asked for. A list of a million actions
 * costs 8 MB of positions, not a million path strings.
 */
final class PositionList extends AbstractList<Position> {
  private final String path;
  private final boolean array;
  private int[] lines = new int[1];
  private int[] columns = new int[1];
  private int size;

  PositionList(String path, boolean array) {
    this.path = path;
    this.array = array;
  }

  void add(int line, int column) {
    if (size == lines.length) {
      lines = Arrays.copyOf(lines, size * 2);
      columns = Arrays.copyOf(columns, size * 2);
    }
    lines[size] = line;
    columns[size] = column;
    size++;
  }

  @Override
  public boolean add(Position p) {
    add(p.line(), p.column());
    return true;
  }

  @Override
  public Position get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return new Position(array ? JsonPath.index(path, i) : path, lines[i], columns[i]);
  }

  @Override
  public int size() {
    return size;
  }
}
