package io.crawlpipe.crawler.cli;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the placeholders of {@code --out}, {@code --lock}, {@code --log} and {@code --stats}, once,
 * at the start of a run, in the clock's time zone: {@code {date}} is {@code 2026-11-22}, {@code
 * {time}} is {@code 185027} (HHmmss), {@code {ts}} is the Unix time in seconds. Stateless.
 */
final class OutputNames {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

  private OutputNames() {}

  /**
   * The name with every placeholder replaced; null stays null. {@code now} is asked only if the
   * name has a placeholder (finding the local time zone costs a fresh JVM ~20 ms).
   *
   * @throws IllegalArgumentException naming an unknown placeholder
   */
  static String expand(String name, Supplier<ZonedDateTime> now) {
    if (name == null || name.indexOf('{') < 0) return name;
    Matcher m = PLACEHOLDER.matcher(name);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = switch (m.group(1)) {
        case "date" -> DATE.format(now.get());
        case "time" -> TIME.format(now.get());
        case "ts" -> Long.toString(now.get().toEpochSecond());
        default -> throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in '" + name
            + "' (use {date}, {time} or {ts})");
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
