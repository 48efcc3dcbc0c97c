package io.crawlpipe.parser.rules;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Compiles the field specs of the rules file into extractors, validating every key, selector,
 * pointer and value option on the way. Regex fields are delegated to {@link RegexCompiler}.
 * Stateless.
 */
final class FieldCompiler {
  private static final List<String> PAGE_KINDS = List.of("regex", "css", "xpath", "json", "builtin");
  private static final List<String> ELEMENT_KINDS = List.of("css", "xpath");
  /** Keys of fields that yield values, not objects: not allowed together with {@code item}. */
  static final Set<String> VALUE_AND_STEPS = union(Set.of("value"), PostProcess.KEYS);

  private FieldCompiler() {}

  /** A page-level field: any kind of extractor. */
  static Extractor pageField(JsonNode node, Where where) {
    Spec spec = Spec.of(node, where, "a field");
    return switch (kind(spec, PAGE_KINDS)) {
      case "regex" -> RegexCompiler.compile(spec);
      case "css", "xpath" -> selector(spec);
      case "json" -> json(spec);
      default -> builtin(spec);
    };
  }

  /** A field inside the item of a css or xpath ({@code container}) container: css or xpath, relative to it. */
  private static SelectorExtractor elementField(JsonNode node, Where where, String container) {
    Spec spec = Spec.of(node, where, "an item field of a css or xpath container");
    itemKind(spec, ELEMENT_KINDS, container, "\"css\" or \"xpath\", relative to each element");
    return selector(spec);
  }

  /** A field inside the item of a json container: a pointer relative to each array element. */
  private static JsonExtractor jsonField(JsonNode node, Where where) {
    Spec spec = Spec.of(node, where, "an item field of a json container");
    itemKind(spec, List.of("json"), "json", "\"json\" pointers, relative to each array element");
    return json(spec);
  }

  /**
   * The one kind key of an item's sub-field, among {@code kinds}; one of a page field's other kinds
   * is refused as not allowed in the item of a {@code container} container, whose fields are {@code allowed}.
   */
  private static String itemKind(Spec spec, List<String> kinds, String container, String allowed) {
    if (kinds.stream().noneMatch(spec::has)) {
      for (String other : PAGE_KINDS) {
        if (spec.has(other)) {
          throw spec.error("\"" + other + "\" is not allowed in the item of " + (container.equals("xpath") ? "an " : "a ")
              + container + " container (its fields are " + allowed + ")");
        }
      }
    }
    return kind(spec, kinds);
  }

  private static SelectorExtractor selector(Spec spec) {
    String kind = spec.has("css") ? "css" : "xpath";
    boolean hasItem = spec.has("item");
    checkKeys(spec, Set.of(kind, "all"), VALUE_AND_STEPS);
    Selection selection = selection(spec, kind);
    boolean all = spec.bool("all", hasItem);
    String label = spec.where().label();
    if (hasItem) {
      if (selection instanceof Selection.XPath xpath) {
        check(spec, () -> XPathNodeKinds.checkContainer(xpath.query(), xpath.expr()));
      }
      Map<String, SelectorExtractor> item = item(spec, (node, where) -> elementField(node, where, kind));
      return new SelectorExtractor(label, selection, ValueSource.TEXT, all, item, PostProcess.NONE);
    }
    return new SelectorExtractor(label, selection, valueSource(spec, selection), all, null, PostProcess.from(spec));
  }

  private static Selection selection(Spec spec, String kind) {
    String query = spec.string(kind);
    return checked(spec, () -> kind.equals("css") ? Selection.css(query) : Selection.xpath(query));
  }

  /** The {@code value} option, which applies to elements: refused on an xpath that selects none. */
  private static ValueSource valueSource(Spec spec, Selection selection) {
    String value = spec.optionalString("value");
    if (value == null) return ValueSource.TEXT;
    ValueSource source = checked(spec, () -> ValueSource.parse(value));
    if (selection instanceof Selection.XPath xpath) {
      check(spec, () -> XPathNodeKinds.checkValue(xpath.query(), xpath.expr(), source));
    }
    return source;
  }

  /** Runs {@code check}, its {@link IllegalArgumentException} made the error of {@code spec}. */
  private static void check(Spec spec, Runnable check) {
    checked(spec, () -> {
      check.run();
      return null;
    });
  }

  /** What {@code check} returns, its {@link IllegalArgumentException} made the error of {@code spec}. */
  private static <T> T checked(Spec spec, Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw spec.error(e.getMessage(), e);
    }
  }

  private static JsonExtractor json(Spec spec) {
    boolean hasItem = spec.has("item");
    checkKeys(spec, Set.of("json"), PostProcess.KEYS);
    JsonPointer compiled = pointer(spec, spec.string("json"));
    String label = spec.where().label();
    if (hasItem) return new JsonExtractor(label, compiled, item(spec, FieldCompiler::jsonField), PostProcess.NONE);
    return new JsonExtractor(label, compiled, null, PostProcess.from(spec));
  }

  /** An RFC 6901 pointer: Jackson alone would take {@code ~2}, which the RFC allows no more than a missing "/". */
  private static JsonPointer pointer(Spec spec, String pointer) {
    String invalid = "json pointer " + Snippet.quoted(pointer) + " is invalid: ";
    for (int i = pointer.indexOf('~'); i >= 0; i = pointer.indexOf('~', i + 2)) {
      if (i + 1 == pointer.length() || "01".indexOf(pointer.charAt(i + 1)) < 0) {
        throw spec.error(invalid + "\"~\" must be followed by 0 or 1 (\"~0\" stands for \"~\", \"~1\" for \"/\")");
      }
    }
    try {
      return JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw spec.error(invalid + "it must be empty or start with \"/\"", e);
    }
  }

  private static Extractor builtin(Spec spec) {
    spec.allowOnly(Set.of("builtin"));
    String name = spec.string("builtin");
    Extractor builtin = Builtins.named(name, spec.where().label());
    if (builtin == null) {
      throw spec.error("unknown builtin " + Snippet.quoted(name) + " (known: " + String.join(", ", Builtins.names()) + ")");
    }
    return builtin;
  }

  /** The sub-fields of {@code spec}'s {@code item} object, compiled in file order. */
  private static <T> Map<String, T> item(Spec spec, FieldFactory<T> factory) {
    Spec item = spec.optionalObject("item");
    Map<String, T> fields = new LinkedHashMap<>();
    for (String name : item.node().propertyNames()) {
      fields.put(name, factory.compile(item.get(name), spec.where().field(name)));
    }
    if (fields.isEmpty()) throw spec.error("\"item\" must have at least one field");
    return fields;
  }

  @FunctionalInterface
  private interface FieldFactory<T> {
    T compile(JsonNode node, Where where);
  }

  /** The one kind key of {@code spec}, among {@code kinds}. */
  private static String kind(Spec spec, List<String> kinds) {
    List<String> present = kinds.stream().filter(spec::has).toList();
    if (present.size() == 1) return present.getFirst();
    String expected = kinds.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", "));
    throw spec.error((present.isEmpty() ? "needs" : "has " + present.size() + " kinds; needs")
        + " exactly one of " + expected);
  }

  /**
   * Allows {@code common} keys and {@code item}, or {@code common} and {@code itemless} keys when
   * there is no item. A field with an item yields objects, so {@code value} and post-processing
   * belong on the item's fields; saying so beats "unknown key".
   */
  static void checkKeys(Spec spec, Set<String> common, Set<String> itemless) {
    if (!spec.has("item")) {
      // "item" is allowed, and named among the keys allowed: a mistyped one ("itme") is found
      spec.allowOnly(union(union(common, itemless), Set.of("item")));
      return;
    }
    for (String key : spec.node().propertyNames()) {
      if (itemless.contains(key)) {
        throw spec.error("\"" + key + "\" cannot be combined with \"item\" (put it on the item's fields)");
      }
    }
    spec.allowOnly(union(common, Set.of("item")));
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
