package dev.irsa.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of strict UTF-8 read straight from bytes, for {@code evaluate}'s stdin: a line of ASCII
 * (every line of a typical batch) becomes a string with one copy, without a decoder, a char buffer
 * and a compacting copy; any other line is decoded strictly. Malformed input is never replaced by
 * U+FFFD but refused with one {@link CliException} (exit 2) naming the line:column and the byte
 * offset of the first bad byte, after the lines before it have been returned. Lines end as
 * {@link java.io.BufferedReader#readLine()} ends them: at {@code \n}, {@code \r} or {@code \r\n}.
 * Memory is the longest line, not the input.
 */
final class Utf8Lines implements OrderedBatch.LineSource {
  private final InputStream in;
  private final String name;
  private byte[] buf = new byte[1 << 16];
  private int pos; // start of the next line in buf
  private int lim; // end of the bytes read into buf
  private long offset; // byte offset in the input of buf[0]
  private long lines; // lines returned so far
  private boolean eof;
  private boolean skipLf; // the last line ended with \r: a \n right after it belongs to that ending

  Utf8Lines(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  /** The next line without its ending, or null at the end of the input. */
  @Override
  public String readLine() throws IOException {
    if (skipLf) {
      if (pos == lim && !eof) {
        fill();
      }
      if (pos < lim && buf[pos] == '\n') {
        pos++;
      }
      skipLf = false;
    }
    int scan = pos;
    int high = 0; // the OR of the line's bytes: bit 7 set when any is not ASCII
    while (true) {
      byte[] b = buf;
      int end = lim;
      int i = scan;
      for (; i < end; i++) {
        byte c = b[i];
        if (c == '\n' || c == '\r') {
          break;
        }
        high |= c;
      }
      if (i < end) {
        String line = text(pos, i, high);
        skipLf = b[i] == '\r';
        pos = i + 1;
        return line;
      }
      if (eof) {
        if (pos == lim) {
          return null;
        }
        String line = text(pos, lim, high);
        pos = lim;
        return line;
      }
      scan = i - pos;
      fill();
      scan += pos; // fill may move the line's start to 0
    }
  }

  @Override
  public boolean ready() throws IOException {
    return pos < lim || in.available() > 0;
  }

  /** Reads more bytes after the current line's, moving it to the front or growing the buffer first. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      offset += pos;
      lim -= pos;
      pos = 0;
    }
    if (lim == buf.length) {
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      eof = true;
    } else {
      lim += n;
    }
  }

  private String text(int from, int to, int high) {
    lines++;
    if ((high & 0x80) == 0) {
      return new String(buf, from, to - from, StandardCharsets.ISO_8859_1); // ASCII: the bytes are the chars
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(buf, from, to - from);
    CharBuffer chars = CharBuffer.allocate(to - from);
    CoderResult r = decoder.decode(bytes, chars, true);
    if (r.isError()) {
      int bad = bytes.position();
      throw new CliException(2, name + ":" + lines + ":" + (chars.position() + 1) + ": not UTF-8 text: byte "
          + String.format("0x%02x", buf[bad] & 0xff) + " at byte offset " + (offset + bad) + " is not valid UTF-8");
    }
    decoder.flush(chars);
    return chars.flip().toString();
  }
}
