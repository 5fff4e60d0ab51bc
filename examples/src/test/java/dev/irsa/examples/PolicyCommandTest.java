package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
  @Test
  void formatWritesCanonicalJson(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.json");
    Files.writeString(f, "{ \"Statement\": {\"Action\": [\"s3:ListBucket\"], \"Effect\": \"Allow\", \"Resource\": \"*\"}, \"Version\": \"2012-10-17\" }");

    Cli r = Cli.run("policy", "format", f.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}\n");
  }

  @Test
  void formatReadsStdinAndPrettyPrints() {
    Cli r = Cli.runWithStdin("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
        "policy", "format", "--pretty", "-");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("""
        {
          "Statement": [
            {
              "Effect": "Deny",
              "Action": "*",
              "Resource": "*"
            }
          ]
        }
        """);
  }

  @Test
  void badInputIsOneErrorLineAndExitTwo() {
    Cli r = Cli.runWithStdin("{\n  \"Statement\": [{\"Effect\": \"allow\", \"Action\": \"*\"}]\n}", "policy", "format", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(
        "error: $.Statement[0].Effect 2:28: Effect must be \"Allow\" or \"Deny\" (case-sensitive), got \"allow\"\n");
  }

  @Test
  void truncatedInput() {
    Cli r = Cli.runWithStdin("{\"Statement\": [", "policy", "format", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: $.Statement[0] 1:16: unexpected end of input: expected a value\n");
  }

  @Test
  void missingFile(@TempDir Path dir) {
    Cli r = Cli.run("policy", "format", dir.resolve("nope.json").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: " + dir.resolve("nope.json") + ": no such file\n");
  }

  @Test
  void binaryFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bin.json");
    Files.write(f, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
    Cli r = Cli.run("policy", "format", f.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: " + f + ":1:2: not UTF-8 text: byte 0xc3 at byte offset 1 is not valid UTF-8\n");
  }
}
