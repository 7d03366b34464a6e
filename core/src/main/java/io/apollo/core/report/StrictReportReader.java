package io.apollo.core.report;

import io.apollo.core.ApolloException;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.version.Version;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast path of reading one spoke report: one streaming pass over the JSON straight into records, for a report
 * in the form spokes write ({@link SpokeReportJson#write}). It answers only when it is sure: a report it returns is
 * exactly the one the full path (tree, {@link ReportDefaults}, {@code spoke-report.schema.json}, field parsing)
 * returns for the same bytes; for anything else (a field a default would fill, a lower-case state, an unknown or
 * repeated field, a value of another type, a string the schema's patterns or the value parsers might refuse, bad
 * JSON, trailing tokens) it returns empty and the caller takes the full path, whose error words stay the only ones.
 *
 * <p>So each check here is a sufficient condition for the schema's keyword it stands for, never a guess at it:
 * <ul>
 *   <li>{@code required}, {@code additionalProperties: false}: every required field present, no other, none twice;</li>
 *   <li>{@code type}: strings where the schema wants strings, {@code null} only where it allows one;</li>
 *   <li>{@code enum}: the constant names exactly (the full path upper-cases first; this one does not try);</li>
 *   <li>{@code pattern}: entity ids of {@code [A-Za-z0-9._-]} around one slash, product ids, versions and config
 *       digests checked character by character against the schema's pattern;</li>
 *   <li>{@code minLength: 1}: not empty;</li>
 *   <li>{@code format: date-time}: only {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z} with seconds up to 59 and at most
 *       nine fraction digits, a real date, which RFC 3339 and {@link Instant#parse} both accept as the same instant.</li>
 * </ul>
 * The values are then parsed by the same parsers as the full path; one that throws sends the report to the full
 * path too. {@code StrictReportReaderTest} checks each case against the schema validator. Thread-safe.
 */
final class StrictReportReader {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Products and versions by text: a fleet has few, and each report names them again. Values are immutable. */
  private static final Map<String, ProductId> PRODUCTS = new ConcurrentHashMap<>();
  private static final Map<String, Version> VERSIONS = new ConcurrentHashMap<>();
  /** Bounds each cache, so that a spoke sending ever new names cannot grow it without end. */
  static final int MOST_CACHED = 4_096;

  private StrictReportReader() {}

  /** The report, when the bytes hold one the full path would read the same; empty when only the full path can say. */
  static Optional<SpokeReport> read(byte[] content) {
    try (JsonParser p = JSON.createParser(content)) {
      SpokeReport report = report(p);
      return report != null && p.nextToken() == null ? Optional.of(report) : Optional.empty();
    } catch (JacksonException | ApolloException | IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  private static SpokeReport report(JsonParser p) {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    String spoke = null;
    Instant reportedAt = null;
    List<EntityReport> entities = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "spoke" -> {
          if (spoke != null || value != JsonToken.VALUE_STRING || p.getStringLength() == 0) {
            return null;
          }
          spoke = p.getString();
        }
        case "reportedAt" -> {
          if (reportedAt != null || (reportedAt = instant(p, value)) == null) {
            return null;
          }
        }
        case "entities" -> {
          if (entities != null || value != JsonToken.START_ARRAY) {
            return null;
          }
          entities = new ArrayList<>();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            EntityReport e = entity(p);
            if (e == null) {
              return null;
            }
            entities.add(e);
          }
          if (p.currentToken() != JsonToken.END_ARRAY) {
            return null;
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT || spoke == null || reportedAt == null || entities == null) {
      return null;
    }
    return new SpokeReport(spoke, reportedAt, entities);
  }

  /** One entity report, the parser on its START_OBJECT; null when only the full path can say. */
  private static EntityReport entity(JsonParser p) {
    EntityId entity = null;
    ProductId product = null;
    Optional<Version> version = null;
    EntityState state = null;
    Health health = null;
    Optional<String> digest = null;
    Optional<String> planId = null;
    Optional<PlanOutcome> outcome = null;
    Optional<Version> healthy = null;
    String message = null;
    Instant observedAt = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      JsonToken value = p.nextToken();
      boolean isNull = value == JsonToken.VALUE_NULL;
      if (!isNull && value != JsonToken.VALUE_STRING) {
        return null;
      }
      String text = isNull ? null : p.getString();
      boolean ok = switch (name) {
        case "entity" -> entity == null && !isNull && (entity = entityId(text)) != null;
        case "product" -> product == null && !isNull && (product = product(text)) != null;
        case "version" -> version == null && (version = optionalVersion(text)) != null;
        case "state" -> state == null && !isNull && (state = EntityState.fromWireName(text).orElse(null)) != null;
        case "health" -> health == null && !isNull && (health = Health.fromWireName(text).orElse(null)) != null;
        case "configDigest" -> digest == null && (isNull || isDigest(text)) && (digest = Optional.ofNullable(text))
            != null;
        case "lastPlanId" -> planId == null && (isNull || !text.isEmpty())
            && (planId = Optional.ofNullable(text)) != null;
        case "lastPlanOutcome" -> outcome == null && (isNull || PlanOutcome.fromWireName(text).isPresent())
            && (outcome = isNull ? Optional.empty() : PlanOutcome.fromWireName(text)) != null;
        case "lastHealthyVersion" -> healthy == null && (healthy = optionalVersion(text)) != null;
        case "message" -> message == null && (message = isNull ? "" : text) != null;
        case "observedAt" -> observedAt == null && !isNull && (observedAt = instant(text)) != null;
        default -> false;
      };
      if (!ok) {
        return null;
      }
    }
    if (entity == null || product == null || state == null || health == null || observedAt == null) {
      return null;
    }
    return new EntityReport(entity, product, orEmpty(version), state, health, orEmpty(digest), orEmpty(planId),
        orEmpty(outcome), orEmpty(healthy), message == null ? "" : message, observedAt);
  }

  private static <T> Optional<T> orEmpty(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /** {@code [A-Za-z0-9._-]+/[A-Za-z0-9._-]+}: within the schema's {@code ^[^/\s]+/[^/\s]+$}. */
  private static EntityId entityId(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1 || !idChars(text, 0, slash) || !idChars(text, slash + 1,
        text.length())) {
      return null;
    }
    return EntityId.parse(text);
  }

  /** The schema's {@code ^[A-Za-z0-9][A-Za-z0-9._-]*:[A-Za-z0-9][A-Za-z0-9._-]*$}, then the same parser. */
  private static ProductId product(String text) {
    ProductId known = PRODUCTS.get(text);
    if (known != null) {
      return known;
    }
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || !alnum(text.charAt(0)) || !alnum(text.charAt(colon + 1))
        || !idChars(text, 1, colon) || !idChars(text, colon + 2, text.length())) {
      return null;
    }
    return cache(PRODUCTS, text, ProductId.parse(text));
  }

  /** Empty for null; else the schema's {@code ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$}, then the same parser. */
  private static Optional<Version> optionalVersion(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Version known = VERSIONS.get(text);
    if (known != null) {
      return Optional.of(known);
    }
    int i = 0;
    for (int part = 0; part < 3; part++) {
      int start = i;
      while (i < text.length() && digit(text.charAt(i))) {
        i++;
      }
      if (i == start || (part < 2 && (i == text.length() || text.charAt(i++) != '.'))) {
        return null;
      }
    }
    if (i < text.length()) {
      if (text.charAt(i) != '-' || i == text.length() - 1) {
        return null;
      }
      for (int j = i + 1; j < text.length(); j++) {
        char c = text.charAt(j);
        if (!alnum(c) && c != '.' && c != '-') {
          return null;
        }
      }
    }
    return Optional.of(cache(VERSIONS, text, Version.parse(text)));
  }

  private static <T> T cache(Map<String, T> cache, String text, T value) {
    if (cache.size() >= MOST_CACHED) {
      cache.clear();
    }
    cache.put(text, value);
    return value;
  }

  /** The schema's {@code ^sha256:[0-9a-f]{64}$}. */
  private static boolean isDigest(String text) {
    if (text.length() != 71 || !text.startsWith("sha256:")) {
      return false;
    }
    for (int i = 7; i < 71; i++) {
      char c = text.charAt(i);
      if (!digit(c) && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  private static Instant instant(JsonParser p, JsonToken value) {
    return value == JsonToken.VALUE_STRING ? instant(p.getString()) : null;
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z} with seconds 00 to 59 on a real date, as {@link Instant#parse} reads it;
   * null for any other text. Throws {@link DateTimeException} for a date that does not exist (30 February).
   */
  static Instant instant(String t) {
    int n = t.length();
    if (n < 20 || n == 21 || n > 30 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
        || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z' || (n > 20 && t.charAt(19) != '.')) {
      return null;
    }
    int year = number(t, 0, 4);
    int month = number(t, 5, 7);
    int day = number(t, 8, 10);
    int hour = number(t, 11, 13);
    int minute = number(t, 14, 16);
    int second = number(t, 17, 19);
    int fraction = n > 20 ? number(t, 20, n - 1) : 0;
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0 || second > 59) {
      return null;
    }
    for (int digits = n - 21; digits > 0 && digits < 9; digits++) {
      fraction *= 10;
    }
    LocalDateTime at = LocalDateTime.of(year, month, day, hour, minute, second, fraction);
    return at.toInstant(ZoneOffset.UTC);
  }

  /** The decimal number of {@code t[from, to)}, or -1 when a character is not a digit. */
  private static int number(String t, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (!digit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean idChars(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!alnum(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean alnum(char c) {
    return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
