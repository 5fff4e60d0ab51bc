package dev.irsa.verify.doctor;

/**
 * A snapshot file that is not what it claims: the file, the JSON path and line:column inside it, and
 * what was expected. The message is one line: {@code iam.json: $.RoleDetailList[2].Arn 14:15: expected a
 * string, got number}.
 */
public final class SnapshotFormatException extends IllegalArgumentException {
  private final String file;
  private final String path;

  public SnapshotFormatException(String file, String path, int line, int column, String problem) {
    super(file + ": " + path + (line > 0 ? " " + line + ":" + column : "") + ": " + problem);
    this.file = file;
    this.path = path;
  }

  /** The file name as given. */
  public String file() {
    return file;
  }

  /** The JSON path inside the file. */
  public String path() {
    return path;
  }
}
