package io.tracemark.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A time on the command line: an ISO instant ({@code 2026-12-01T08:00:00Z}) or a day ({@code 2026-12-01}, 00:00 UTC). */
final class TimeOption implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a time: give 2026-12-01T08:00:00Z or 2026-12-01 (UTC)");
        }
    }
}
