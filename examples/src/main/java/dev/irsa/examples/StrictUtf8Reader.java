package dev.irsa.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A streaming reader that decodes strict UTF-8, as {@link Io#read} does for whole inputs: malformed
 * input is never replaced by U+FFFD but refused with one {@link CliException} (exit 2) naming the byte
 * offset and the line:column of the first bad byte. For {@code evaluate}, which streams its stdin.
 */
final class StrictUtf8Reader extends Reader {
  private final InputStream in;
  private final String name;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private long consumed;
  private long line = 1;
  private long column = 1;
  private boolean eof;
  private boolean done;

  StrictUtf8Reader(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (done) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len); // positions are indexes into cbuf
    while (true) {
      int before = bytes.position();
      int mark = out.position();
      CoderResult r = decoder.decode(bytes, out, eof);
      consumed += bytes.position() - before;
      count(cbuf, mark, out.position());
      if (r.isError() && out.position() == off) { // the text before the bad byte is returned first
        throw new CliException(2, name + ":" + line + ":" + column + ": not UTF-8 text: byte "
            + String.format("0x%02x", bytes.get(bytes.position()) & 0xff) + " at byte offset " + consumed
            + " is not valid UTF-8");
      }
      if (out.position() > off) {
        return out.position() - off;
      }
      if (eof) {
        decoder.flush(out);
        done = true;
        return out.position() > off ? out.position() - off : -1;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void count(char[] cbuf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (cbuf[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  /** Whether a read may not block: decoded bytes are waiting, or the stream has some. */
  @Override
  public boolean ready() throws IOException {
    return bytes.hasRemaining() || in.available() > 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
