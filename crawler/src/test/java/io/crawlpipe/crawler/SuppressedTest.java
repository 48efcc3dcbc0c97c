package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The JVM throws one preallocated {@code OutOfMemoryError} when the heap runs out, so a failure
 * path may meet the same error twice: adding it to itself must not throw "Self-suppression not
 * permitted" in its place.
 */
class SuppressedTest {

  @Test
  void addingAnErrorToItselfDoesNothing() {
    OutOfMemoryError error = new OutOfMemoryError("Java heap space");

    assertThatCode(() -> Suppressed.add(error, error)).doesNotThrowAnyException();
    assertThat(error.getSuppressed()).isEmpty();
  }

  @Test
  void anotherFailureIsAddedAsSuppressed() {
    IllegalStateException failure = new IllegalStateException("first");
    IllegalStateException later = new IllegalStateException("later");

    Suppressed.add(failure, later);

    assertThat(failure.getSuppressed()).containsExactly(later);
  }
}
