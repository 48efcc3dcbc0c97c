package io.crawlpipe.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A results file that cannot be continued (by {@code --resume} or {@code --append}) without
 * deleting lines that may matter: a line that is not a crawlpipe result followed by more lines,
 * or a file that holds no result line at all. Nothing was changed. The message is "'FILE' line N
 * PROBLEM"; a caller adds what it refuses to do.
 */
public final class ResultFileException extends IOException {
  private final transient Path file;
  private final long line;
  private final String problem;

  ResultFileException(Path file, long line, String problem) {
    super("'" + file + "' line " + line + " " + problem);
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Path file() {
    return file;
  }

  /** The line at fault, from 1. */
  public long line() {
    return line;
  }

  /** What is wrong with it, such as "is not a crawlpipe result line (not JSON)". */
  public String problem() {
    return problem;
  }
}
