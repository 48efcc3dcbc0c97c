package io.crawlpipe.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON mapping of the results file: snake_case names, ISO-8601 instants, nulls written. A
 * {@link CrawlResult} is written by {@link CrawlResultSerializer} (the same bytes as bean
 * serialization, at a fraction of the cost); reading uses databind's record support. Stream
 * settings (escaping, number formats) stay jackson-core's defaults: the line encoder relies on that.
 */
public final class ResultJson {
  private ResultJson() {}

  /** A new mapper configured for the results-file schema. Mappers are thread-safe once built. */
  public static JsonMapper mapper() {
    return schema()
        .addModule(new SimpleModule("crawlpipe-results")
            .addSerializer(CrawlResult.class, new CrawlResultSerializer()))
        .build();
  }

  /**
   * The stream factory under {@link #mapper()}: default jackson-core settings. {@link
   * ResultLineEncoder} writes lines whose data is plain on its generator alone, without a mapper.
   */
  static JsonFactory factory() {
    return new JsonFactory();
  }

  /**
   * The schema's settings without {@link CrawlResultSerializer}: a mapper built from it writes a
   * result by bean serialization, the reference the serializer's output must equal byte for byte.
   */
  static JsonMapper.Builder schema() {
    return JsonMapper.builder(factory())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.ALWAYS));
  }
}
