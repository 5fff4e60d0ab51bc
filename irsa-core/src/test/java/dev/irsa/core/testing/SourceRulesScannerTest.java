package dev.irsa.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner behind each module's SourceRulesTest, on small made-up builds. */
class SourceRulesScannerTest {
  @TempDir
  Path root;

  @BeforeEach
  void twoModules() throws IOException {
    write("lib/src/main/java/module-info.java", """
        module x.lib {
          exports x.lib;
          // exports x.lib.internal;   (a comment is not an export)
          exports x.lib.shared.internal to x.app;
        }
        """);
    write("lib/src/main/java/x/lib/Api.java", "package x.lib;\npublic class Api {}\n");
    write("lib/src/main/java/x/lib/internal/Codec.java", "package x.lib.internal;\npublic class Codec {}\n");
    write("lib/src/main/java/x/lib/shared/internal/Json.java", "package x.lib.shared.internal;\npublic class Json {}\n");
    write("app/src/main/java/module-info.java", "module x.app { requires x.lib; }\n");
  }

  @Test
  void importingAnInternalPackageWithoutAQualifiedExportIsAViolation() throws IOException {
    write("app/src/main/java/x/app/Main.java", """
        package x.app;

        import x.lib.Api;
        import x.lib.internal.Codec;
        import x.lib.shared.internal.Json;

        class Main {}
        """);

    assertThat(SourceRules.importViolations(root, root.resolve("app"))).containsExactly(
        "app/src/main/java/x/app/Main.java:4: uses x.lib.internal.Codec, but x.lib does not export "
            + "x.lib.internal (add a qualified export: exports x.lib.internal to x.app;)");
  }

  @Test
  void aQualifiedExportToAnotherModuleDoesNotAllowThisOne() throws IOException {
    write("other/src/main/java/module-info.java", "module x.other { requires x.lib; }\n");
    write("other/src/main/java/x/other/Tool.java", """
        package x.other;

        import static x.lib.shared.internal.Json.parse;

        class Tool {}
        """);

    assertThat(SourceRules.importViolations(root, root.resolve("other"))).containsExactly(
        "other/src/main/java/x/other/Tool.java:3: uses x.lib.shared.internal.Json.parse, but x.lib exports "
            + "x.lib.shared.internal only to x.app (add a qualified export: exports x.lib.shared.internal to x.other;)");
  }

  @Test
  void starImportsAndFullyQualifiedNamesInCodeCountButCommentsAndStringsDoNot() throws IOException {
    write("app/src/main/java/x/app/Main.java", """
        package x.app;

        import x.lib.internal.*;

        class Main {
          // x.lib.internal.Codec in a comment
          String s = "x.lib.internal.Codec in a string";
          Object o = new x.lib.internal.Codec();
        }
        """);

    assertThat(SourceRules.importViolations(root, root.resolve("app"))).containsExactly(
        "app/src/main/java/x/app/Main.java:3: uses x.lib.internal.*, but x.lib does not export x.lib.internal "
            + "(add a qualified export: exports x.lib.internal to x.app;)",
        "app/src/main/java/x/app/Main.java:8: uses x.lib.internal.Codec, but x.lib does not export x.lib.internal "
            + "(add a qualified export: exports x.lib.internal to x.app;)");
  }

  @Test
  void exportingAnInternalPackageToEveryoneIsAViolation() throws IOException {
    write("lib/src/main/java/module-info.java", "module x.lib { exports x.lib; exports x.lib.internal; }\n");

    assertThat(SourceRules.importViolations(root, root.resolve("lib"))).containsExactly(
        "lib/src/main/java/module-info.java: exports x.lib.internal to everyone; an internal package needs a "
            + "qualified export (exports ... to ...)");
  }

  @Test
  void aLibraryExportsEveryPackageOutsideInternal() throws IOException {
    write("lib/src/main/java/x/lib/extra/Tool.java", "package x.lib.extra;\npublic class Tool {}\n");

    assertThat(SourceRules.importViolations(root, root.resolve("lib"))).containsExactly(
        "lib/src/main/java/module-info.java: does not export x.lib.extra; every package outside internal is public API");
  }

  @Test
  void aMethodIsMeasuredFromItsNameToItsClosingBrace() {
    String source = """
        package x;

        class Big {
          @SuppressWarnings({"unchecked", "rawtypes"})
          void eighty() {
        %s  }

          void eightyOne() {
        %s    String brace = "}";   // }
            char c = '{';
          }

          record Point(int x, int y) {
            Point {
        %s    }
          }
        }
        """.formatted("    x();\n".repeat(78), "    x();\n".repeat(77), "      x();\n".repeat(79));

    assertThat(SourceRules.methods("x.Big", "Big.java", source))
        .extracting(SourceRules.Oversize::id, SourceRules.Oversize::line, SourceRules.Oversize::lines)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("x.Big#eighty", 5, 80),
            org.assertj.core.groups.Tuple.tuple("x.Big#eightyOne", 86, 81),
            org.assertj.core.groups.Tuple.tuple("x.Big#Point", 169, 81));
  }

  @Test
  void oversizeClassesAndMethodsMustBeListedAndListedOnesMustStillBeOversize() throws IOException {
    write("lib/src/main/java/x/lib/Long.java", "package x.lib;\nclass Long {\n" + "\n".repeat(499) + "}\n");
    write("lib/src/main/java/x/lib/Fine.java", "package x.lib;\nclass Fine {\n  void m() {\n" + "    x();\n".repeat(81) + "  }\n}\n");
    write("README.md", """
        ## Design notes

        ### Size exceptions

        - `x.lib.Api`: listed, but short: stale
        - `x.lib.Fine#m`: one long method on purpose
        - `x.other.Gone`: another module's entry is not this module's business

        ## Next
        - `x.lib.Long`: outside the list's section, so it does not count
        """);

    assertThat(SourceRules.sizeExceptions(root.resolve("README.md")))
        .containsExactly("x.lib.Api", "x.lib.Fine#m", "x.other.Gone");
    assertThat(SourceRules.sizeViolations(root, root.resolve("lib"), root.resolve("README.md"))).containsExactly(
        "x.lib.Long (lib/src/main/java/x/lib/Long.java:1): 502 lines, limit 500: split it, or list `x.lib.Long` "
            + "with a reason under \"### Size exceptions\" in README.md",
        "x.lib.Api is listed under \"### Size exceptions\" in README.md but is within its limit (or gone): "
            + "remove the line");
  }

  private void write(String path, String text) throws IOException {
    Path f = root.resolve(path);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }
}
