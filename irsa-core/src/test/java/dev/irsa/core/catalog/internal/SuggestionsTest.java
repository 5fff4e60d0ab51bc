package dev.irsa.core.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource({
      "listbuckets, listbucket, 1",
      "listbucket, ListBucket, 2",
      "kitten, sitting, 3",
      "abc, abc, 0",
      "a, abcdefghij, 6"
  })
  void editDistanceIsLevenshteinCappedAtMaxPlusOne(String a, String b, int expected) {
    assertThat(Suggestions.distance(a, b, 5)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "ListAllMyBuckets, list all my buckets",
      "AssumeRoleWithSAML, assume role with saml",
      "get-object, get object"
  })
  void splitsCamelCaseWords(String name, String words) {
    assertThat(String.join(" ", Suggestions.words(name))).isEqualTo(words);
  }
}
