package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The temporary files of a results file are named beside it, the same wherever the command asks. */
class TemporaryNamesTest {

  @Test
  void theTemporaryFilesOfAResultsFileAreBesideIt() {
    TemporaryNames names = TemporaryNames.of(Path.of("data/r.jsonl"));
    assertThat(names.partial()).isEqualTo(Path.of("data/r.jsonl.partial"));
    assertThat(names.partialRewrite()).isEqualTo(Path.of("data/r.jsonl.partial.resume"));
    assertThat(names.rewrite()).isEqualTo(Path.of("data/r.jsonl.resume"));
    assertThat(names.all()).containsExactly(names.partial(), names.partialRewrite(), names.rewrite());
    assertThat(names.rewrites()).containsExactly(names.partialRewrite(), names.rewrite());
  }

  @Test
  void eachEndingIsWhatItsFileAddsToTheName() {
    assertThat(TemporaryNames.ending(TemporaryNames::partial)).isEqualTo(".partial");
    assertThat(TemporaryNames.ending(TemporaryNames::partialRewrite)).isEqualTo(".partial.resume");
    assertThat(TemporaryNames.ending(TemporaryNames::rewrite)).isEqualTo(".resume");
  }

  @Test
  void aMissingNameIsRefused() {
    Path p = Path.of("r.jsonl");
    assertThatThrownBy(() -> new TemporaryNames(p, null, p)).isInstanceOf(NullPointerException.class)
        .hasMessage("partialRewrite");
  }
}
