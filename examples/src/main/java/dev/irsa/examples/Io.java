package dev.irsa.examples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading inputs named on the command line ({@code -} is stdin). */
final class Io {
  private Io() {}

  /**
   * The file (or stdin) as text, decoded as strict UTF-8 from both.
   *
   * @throws CliException (exit 2) when it cannot be read or is not UTF-8: {@code stdin:2:32: not UTF-8 text:
   *     byte 0xff at byte offset 57 is not valid UTF-8}
   */
  static String read(String file) {
    String name = file.equals("-") ? "stdin" : file;
    try {
      byte[] bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
      return utf8(name, bytes);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CliException(2, file + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new CliException(2, file + ": permission denied");
    } catch (IOException e) {
      throw new CliException(2, file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * {@code bytes} decoded as UTF-8, refusing malformed input (never replacing it with U+FFFD): the
   * error names the byte offset of the first bad byte and its line:column (columns count characters).
   */
  static String utf8(String name, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int offset = in.position();
      out.flip();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < out.length(); i++) {
        if (out.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = out.length() - lineStart + 1;
      throw new CliException(2, name + ":" + line + ":" + column + ": not UTF-8 text: byte "
          + String.format("0x%02x", bytes[offset] & 0xff) + " at byte offset " + offset + " is not valid UTF-8");
    }
    out.flip();
    return out.toString();
  }
}
