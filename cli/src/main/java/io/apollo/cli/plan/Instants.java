package io.apollo.cli.plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Parses {@code --at}: an RFC 3339 instant, with {@code Z} or an offset. A bad value is a usage error. */
public final class Instants implements CommandLine.ITypeConverter<Instant> {
  @Override
  public Instant convert(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not an instant; write it as 2026-12-05T03:00:00Z or 2026-12-05T03:00:00+01:00");
    }
  }
}
