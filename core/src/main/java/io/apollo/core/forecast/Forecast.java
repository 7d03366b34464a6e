package io.apollo.core.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The calendar from {@code from} to {@code to}: each environment's bands (by environment name, sorted), and a landing
 * for each waiting plan, earliest first, those that never land last.
 */
public record Forecast(Instant from, Instant to, Map<String, List<Band>> bands, List<Landing> landings) {
  public Forecast {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    bands = Map.copyOf(bands);
    landings = List.copyOf(landings);
  }
}
