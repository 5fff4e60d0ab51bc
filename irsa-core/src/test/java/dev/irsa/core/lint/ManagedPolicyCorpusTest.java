package dev.irsa.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.corpus.ManagedPolicyCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ManagedPolicyCorpusTest {

  /**
   * Every ERROR the linter reports on a policy AWS ships must be listed, with its reason, in
   * {@code lint/corpus-expected-errors.txt}; anything else is a linter bug (a false ERROR). After a
   * catalog refresh, review the difference this test prints and update the list.
   */
  @Test
  void awsManagedPoliciesHaveNoErrorsExceptTheListedOnes() throws IOException {
    // Given the default version of every AWS managed policy
    List<ManagedPolicyCorpus.Entry> corpus = ManagedPolicyCorpus.load();
    assertThat(corpus).hasSizeGreaterThan(1_500);
    PolicyLinter linter = PolicyLinter.create();
    // When each is linted as an identity policy
    Set<String> actual = new TreeSet<>();
    Set<FindingCode> errorCodes = new TreeSet<>();
    for (ManagedPolicyCorpus.Entry p : corpus) {
      for (Finding f : linter.lint(p.json(), PolicyKind.IDENTITY).findings()) {
        if (f.severity() == Severity.ERROR) {
          actual.add(p.name() + "\t" + f.code() + "\t" + f.path());
          errorCodes.add(f.code());
        }
      }
    }
    // Then the errors are exactly the expected ones
    Set<String> expected = new TreeSet<>();
    try (InputStream in = ManagedPolicyCorpusTest.class.getResourceAsStream("/lint/corpus-expected-errors.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t");
          expected.add(f[0] + "\t" + f[1] + "\t" + f[2]);
        }
      }
    }
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    assertThat(unexpected).as("ERROR findings on AWS managed policies that are not in the expected list").isEmpty();
    assertThat(missing).as("expected ERROR findings no longer reported").isEmpty();
    assertThat(errorCodes).as("only catalog gaps and real resource mismatches are errors")
        .containsExactly(FindingCode.UNKNOWN_SERVICE, FindingCode.UNKNOWN_ACTION, FindingCode.RESOURCE_TYPE_MISMATCH);
  }
}
