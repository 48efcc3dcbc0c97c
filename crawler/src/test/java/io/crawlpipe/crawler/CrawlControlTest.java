package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What {@link CrawlControl}'s Javadoc promises of listeners that throw. */
class CrawlControlTest {

  @Test
  void everyListenerRunsThoughEarlierOnesThrowAndTheFirstFailureCarriesTheOthers() {
    CrawlControl control = new CrawlControl(Duration.ZERO);
    List<String> ran = new CopyOnWriteArrayList<>();
    RuntimeException first = new RuntimeException("listener boom");
    AssertionError second = new AssertionError("second boom");
    control.onStop(() -> {
      ran.add("first");
      throw first;
    });
    control.onStop(() -> {
      ran.add("second");
      throw second;
    });
    control.onStop(() -> ran.add("third"));

    assertThatThrownBy(() -> control.requestStop("SIGTERM")).isSameAs(first);

    assertThat(ran).containsExactly("first", "second", "third");
    assertThat(first.getSuppressed()).containsExactly(second);
    assertThat(control.stopRequested()).isTrue();
    assertThat(control.stopReason()).isEqualTo("SIGTERM");
    assertThat(control.requestStop("again")).as("the stop counted; listeners do not run twice").isFalse();
    assertThat(ran).hasSize(3);
  }

  @Test
  void anErrorFromTheFirstFailingListenerIsThrownAsItIs() {
    CrawlControl control = new CrawlControl(Duration.ZERO);
    StackOverflowError error = new StackOverflowError();
    List<String> ran = new CopyOnWriteArrayList<>();
    control.onStop(() -> {
      throw error;
    });
    control.onStop(() -> ran.add("after"));

    assertThatThrownBy(() -> control.requestStop("SIGINT")).isSameAs(error);
    assertThat(ran).containsExactly("after");
  }

  @Test
  void aNullListenerIsRefusedWhenAddedNotAtTheStop() {
    CrawlControl control = new CrawlControl(Duration.ZERO);

    assertThatThrownBy(() -> control.onStop(null)).isInstanceOf(NullPointerException.class).hasMessage("action");
    assertThat(control.requestStop("SIGTERM")).isTrue();
  }
}
