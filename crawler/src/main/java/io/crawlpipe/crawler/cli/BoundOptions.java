package io.crawlpipe.crawler.cli;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Declares picocli options with its programmatic API, each bound to a field of the command through
 * a getter and a setter, so a command reads its values from plain fields as with annotations. The
 * commands a crawl parses use this instead of annotations because reading annotations by reflection
 * makes the JDK generate a proxy class per annotation type at start-up: about 75 ms of CPU on the
 * main thread of every run (measured with a CPU profile of a 1-URL crawl). The option's initial
 * value is the field's value when declared: it is what picocli resets the field to before parsing
 * and what {@code ${DEFAULT-VALUE}} shows. Stateless.
 */
final class BoundOptions {
  private BoundOptions() {}

  /** An option named {@code names} of {@code type}, bound to {@code get} and {@code set}. */
  static <T> OptionSpec.Builder option(Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
    Binding<T> binding = new Binding<>(get, set);
    return OptionSpec.builder(names).type(type).getter(binding).setter(binding).initialValue(get.get());
  }

  /** Builds {@code option} and adds it to {@code spec}. */
  static void add(CommandSpec spec, OptionSpec.Builder option) {
    spec.addOption(option.build());
  }

  /** A positional parameter of {@code type}, bound to {@code get} and {@code set}. */
  static <T> PositionalParamSpec.Builder positional(Class<T> type, Supplier<T> get, Consumer<T> set) {
    Binding<T> binding = new Binding<>(get, set);
    return PositionalParamSpec.builder().type(type).getter(binding).setter(binding).initialValue(get.get());
  }

  /** A field as picocli's getter and setter; picocli passes values of the declared type only. */
  private static final class Binding<V> implements IGetter, ISetter {
    private final Supplier<V> reader;
    private final Consumer<V> writer;

    Binding(Supplier<V> reader, Consumer<V> writer) {
      this.reader = Objects.requireNonNull(reader, "reader");
      this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) reader.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T value) {
      T old = get();
      writer.accept((V) value);
      return old;
    }
  }
}
