package io.crawlpipe.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapping of the results file: snake_case names, ISO-8601 instants, nulls written. */
public final class ResultJson {
  private ResultJson() {}

  /** A new mapper configured for the results-file schema. Mappers are thread-safe once built. */
  public static JsonMapper mapper() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.ALWAYS))
        .build();
  }
}
