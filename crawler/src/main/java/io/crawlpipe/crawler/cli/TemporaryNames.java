package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.ResultFileRepair;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The temporary files of a results file {@code OUT}, which a run writes beside it: {@code
 * OUT.partial} (the lines until the rename, {@link AtomicFileSink#partialFile}), and the files a
 * {@code --resume} rewrite goes through ({@link ResultFileRepair#temporaryFile}): {@code
 * OUT.partial.resume} (rewriting {@code OUT.partial}) and {@code OUT.resume} (rewriting {@code OUT}
 * itself, with {@code --append}). The one place the command derives these names from the store's;
 * paths are never null. Immutable.
 *
 * @param partial {@code OUT.partial}
 * @param partialRewrite {@code OUT.partial.resume}
 * @param rewrite {@code OUT.resume}
 */
record TemporaryNames(Path partial, Path partialRewrite, Path rewrite) {
  TemporaryNames {
    Objects.requireNonNull(partial, "partial");
    Objects.requireNonNull(partialRewrite, "partialRewrite");
    Objects.requireNonNull(rewrite, "rewrite");
  }

  /** The temporary files of the results file {@code out} (not null, a file name at its end). */
  static TemporaryNames of(Path out) {
    Path partial = AtomicFileSink.partialFile(out);
    return new TemporaryNames(partial, ResultFileRepair.temporaryFile(partial), ResultFileRepair.temporaryFile(out));
  }

  /** All three: {@code OUT.partial}, {@code OUT.partial.resume}, {@code OUT.resume}. */
  List<Path> all() {
    return List.of(partial, partialRewrite, rewrite);
  }

  /** The files of a {@code --resume} rewrite: {@code OUT.partial.resume}, {@code OUT.resume}. */
  List<Path> rewrites() {
    return List.of(partialRewrite, rewrite);
  }

  /**
   * What the file {@code which} picks adds to the results file's name: {@code .partial} for {@link
   * #partial}, {@code .partial.resume}, {@code .resume}.
   */
  static String ending(Function<TemporaryNames, Path> which) {
    String out = "out";
    return which.apply(of(Path.of(out))).getFileName().toString().substring(out.length());
  }
}
