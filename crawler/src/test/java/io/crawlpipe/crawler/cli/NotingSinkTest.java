package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NotingSinkTest {
  @Test
  void notesALineOnlyOnceOneReachedTheSink() {
    AtomicInteger written = new AtomicInteger();
    NotingSink noting = new NotingSink(result -> written.incrementAndGet());

    assertThat(noting.wroteLine()).isFalse();
    noting.write(null);

    assertThat(noting.wroteLine()).isTrue();
    assertThat(written).hasValue(1);
  }

  @Test
  void aWriteThatFailsIsNotNoted() {
    NotingSink noting = new NotingSink(result -> {
      throw new StoreException("disk full", new java.io.IOException("no space left on device"));
    });

    assertThatThrownBy(() -> noting.write(null)).isInstanceOf(StoreException.class);
    assertThat(noting.wroteLine()).isFalse();
  }

  @Test
  void closeProblemSaysWhyClosingFailedAndCloseQuietlyDoesNotThrow() {
    ResultSink failing = new ResultSink() {
      @Override
      public void write(io.crawlpipe.store.CrawlResult result) {
      }

      @Override
      public void close() {
        throw new StoreException("cannot flush r.jsonl", new java.io.IOException("no space left on device"));
      }
    };

    assertThat(new NotingSink(failing).closeProblem()).contains("cannot flush r.jsonl");
    new NotingSink(failing).closeQuietly();
    assertThat(new NotingSink(result -> { }).closeProblem()).isNull();
  }
}
