package io.crawlpipe.crawler.cli;

/**
 * What a test's stand-in for {@code Runtime.halt} throws after recording the exit code: the real
 * halt never returns, so neither may the stand-in; no stack trace, as it is expected.
 */
final class Halted extends RuntimeException {
  Halted() {
    super("halted", null, false, false);
  }
}
