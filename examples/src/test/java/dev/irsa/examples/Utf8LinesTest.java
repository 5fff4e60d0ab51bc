package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {
  @Test
  void endsLinesWhereBufferedReaderDoes() throws IOException {
    // Given every line ending BufferedReader knows, an empty line, and a last line without an ending
    String text = "a\nb\r\nc\rd\n\ne\r\r\nf";

    // When read both ways
    List<String> ours = lines(new Utf8Lines(in(text.getBytes(StandardCharsets.UTF_8), 3), "stdin"));
    List<String> reference = new ArrayList<>();
    BufferedReader r = new BufferedReader(new StringReader(text));
    for (String l = r.readLine(); l != null; l = r.readLine()) {
      reference.add(l);
    }

    // Then the lines are the same
    assertThat(ours).containsExactly("a", "b", "c", "d", "", "e", "", "f").isEqualTo(reference);
  }

  @Test
  void aCrLfSplitAcrossReadsIsOneEnding() throws IOException {
    // Given \r at the end of one read and \n at the start of the next
    byte[] bytes = "ab\r\ncd\n".getBytes(StandardCharsets.US_ASCII);

    // When read one byte at a time
    List<String> got = lines(new Utf8Lines(in(bytes, 1), "stdin"));

    // Then there is no empty line between them
    assertThat(got).containsExactly("ab", "cd");
  }

  @Test
  void linesLongerThanTheBufferAndNonAsciiTextComeBackWhole() throws IOException {
    // Given a 300,000-character line, then lines of non-ASCII text (2-, 3- and 4-byte sequences)
    String longLine = "x".repeat(300_000);
    String text = longLine + "\nÅngström\n漢字 \uD83D\uDE00\n" + longLine.substring(1) + "é";

    // When read in reads of 7,000 bytes
    List<String> got = lines(new Utf8Lines(in(text.getBytes(StandardCharsets.UTF_8), 7_000), "stdin"));

    // Then every line is its text
    assertThat(got).containsExactly(longLine, "Ångström", "漢字 \uD83D\uDE00", longLine.substring(1) + "é");
  }

  @Test
  void malformedUtf8IsRefusedWithLineColumnAndByteOffsetAfterTheLinesBeforeIt() throws IOException {
    // Given a good line, then a line where "é" (2 bytes) comes before a lone 0xff
    byte[] head = "good\n{\"é\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xff;
    bytes[head.length + 1] = '"';
    Utf8Lines lines = new Utf8Lines(in(bytes, 4), "stdin");

    // When read
    assertThat(lines.readLine()).isEqualTo("good");

    // Then the second line is refused naming its column in characters and the byte's offset in the input
    assertThatThrownBy(lines::readLine).isInstanceOf(CliException.class)
        .hasMessage("stdin:2:7: not UTF-8 text: byte 0xff at byte offset " + head.length + " is not valid UTF-8");
  }

  @Test
  void aTruncatedSequenceBeforeTheLineEndIsRefused() {
    // Given the first byte of a 2-byte sequence right before the newline (0xc3 then \n)
    byte[] bytes = {'a', (byte) 0xc3, '\n', 'b'};

    // When read, then the 0xc3 is named
    assertThatThrownBy(() -> new Utf8Lines(in(bytes, 100), "f.jsonl").readLine())
        .hasMessage("f.jsonl:1:2: not UTF-8 text: byte 0xc3 at byte offset 1 is not valid UTF-8");
  }

  private static List<String> lines(Utf8Lines lines) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l = lines.readLine(); l != null; l = lines.readLine()) {
      out.add(l);
    }
    return out;
  }

  /** A stream that returns at most {@code chunk} bytes per read, as a pipe may. */
  private static InputStream in(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }
}
