package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.mode.Mode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --mode}: threads, virtual or coroutines (an alias of virtual). */
final class ModeConverter implements ITypeConverter<Mode> {
  @Override
  public Mode convert(String value) {
    try {
      return Mode.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
