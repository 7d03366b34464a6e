package io.apollo.cli.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Parses {@code --at}: an RFC 3339 instant with {@code Z} or an offset; a date-time without one, or a bare date
 * (midnight), is read in UTC. A bad value is a usage error.
 */
public final class Instants implements CommandLine.ITypeConverter<Instant> {
  @Override
  public Instant convert(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // fall through to the forms without a zone
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not an instant; write it as 2026-12-05T03:00:00Z or 2026-12-05T03:00:00+01:00");
    }
  }
}
