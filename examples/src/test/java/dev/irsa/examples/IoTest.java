package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 9 of issue 14: invalid UTF-8 was refused from a file but decoded with replacement from stdin. */
class IoTest {
  /** {@code "Sid":"\xff\xfe"} on line 2, after a two-byte é on that line. */
  static byte[] invalidUtf8() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("{\"Version\":\"2012-10-17\",\n \"Id\":\"é\",\"Statement\":[{\"Sid\":\"".getBytes(StandardCharsets.UTF_8));
    b.write(0xff);
    b.write(0xfe);
    b.writeBytes("\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}".getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  @Test
  void invalidUtf8FromStdinIsRefusedWithItsByteOffsetAndPosition() {
    Cli r = Cli.runWithStdinBytes(invalidUtf8(), "policy", "format", "-");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: stdin:2:32: not UTF-8 text: byte 0xff at byte offset 57 is not valid UTF-8\n");
  }

  @Test
  void invalidUtf8FromAFileIsRefusedTheSameWay(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("p.json"), invalidUtf8());

    Cli r = Cli.run("policy", "format", file.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: " + file + ":2:32: not UTF-8 text: byte 0xff at byte offset 57 is not valid UTF-8\n");
  }

  @Test
  void anEncodedSurrogateIsNotUtf8() {
    byte[] cesu = {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'};

    Cli r = Cli.runWithStdinBytes(cesu, "lint", "-");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: stdin:1:2: not UTF-8 text: byte 0xed at byte offset 1 is not valid UTF-8\n");
  }

  @Test
  void aTruncatedSequenceAtTheEndIsRefused() {
    byte[] cut = {'{', '"', 'a', (byte) 0xc3};

    Cli r = Cli.runWithStdinBytes(cut, "policy", "format", "-");

    assertThat(r.err()).isEqualTo("error: stdin:1:4: not UTF-8 text: byte 0xc3 at byte offset 3 is not valid UTF-8\n");
  }

  @Test
  void validUtf8FromStdinStillReads() {
    Cli r = Cli.runWithStdin("""
        {"Version":"2012-10-17","Statement":[{"Sid":"é","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""",
        "policy", "format", "-");

    assertThat(r.exitCode()).as(r.err()).isZero();
  }
}
