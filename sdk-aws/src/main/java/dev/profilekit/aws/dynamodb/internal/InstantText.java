package dev.profilekit.aws.dynamodb.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The ISO-8601 text of the instants a profile item stores ({@code 2026-12-03T12:59:14.123Z}),
 * exactly as {@link Instant#toString()} writes it and {@link Instant#parse(CharSequence)} reads
 * it, but without {@code DateTimeFormatter}: parsing {@code createdAt} and {@code updatedAt} with
 * {@code Instant.parse} was 7% of a whole {@code updateProfile} on the client side (JFR, canned
 * HTTP; see docs/performance.md), more than building the update expression.
 *
 * <p>The fast paths cover the only form ProfileKit writes: years 0000-9999, UTC ({@code Z}),
 * seconds 00-59, and a fraction of 1 to 9 digits or none. Anything else (another writer's offset,
 * a leap second, a year beyond 9999, a malformed value) goes to {@code Instant.parse} or {@code
 * Instant.toString}, so results and exceptions are the JDK's in every case.
 */
public final class InstantText {

  private static final long SECONDS_PER_DAY = 86_400;
  private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the years the fast format handles. */
  private static final long MIN_FAST_SECOND = -62_135_596_800L;
  private static final long MAX_FAST_SECOND = 253_402_300_799L;

  private InstantText() {}

  /**
   * Parses an instant as {@link Instant#parse(CharSequence)} does.
   *
   * @param text the text
   * @return the instant
   * @throws DateTimeParseException if the text is not an ISO-8601 instant
   */
  public static Instant parse(String text) {
    Instant fast = parseCanonical(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /**
   * Formats an instant as {@link Instant#toString()} does.
   *
   * @param instant the instant
   * @return the text
   */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_FAST_SECOND || seconds > MAX_FAST_SECOND) {
      return instant.toString();
    }
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    long[] date = civilFromDays(days);
    StringBuilder out = new StringBuilder(30);
    digits(out, (int) date[0], 4).append('-');
    digits(out, (int) date[1], 2).append('-');
    digits(out, (int) date[2], 2).append('T');
    digits(out, secondOfDay / 3600, 2).append(':');
    digits(out, secondOfDay / 60 % 60, 2).append(':');
    digits(out, secondOfDay % 60, 2);
    int nanos = instant.getNano();
    if (nanos > 0) {
      out.append('.');
      // Instant.toString's choice: milliseconds, microseconds or nanoseconds, whichever is exact.
      if (nanos % 1_000_000 == 0) {
        digits(out, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        digits(out, nanos / 1_000, 6);
      } else {
        digits(out, nanos, 9);
      }
    }
    return out.append('Z').toString();
  }

  /** Returns the instant, or null when the text is not in the canonical form (the JDK decides then). */
  private static Instant parseCanonical(String text) {
    int length = text.length();
    if (length < 20 || length == 21 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 7);
    int day = number(text, 8, 10);
    int hour = number(text, 11, 13);
    int minute = number(text, 14, 16);
    int second = number(text, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      if (text.charAt(19) != '.') {
        return null;
      }
      int fraction = number(text, 20, length - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * SCALE[length - 21];
    }
    long seconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The decimal value of text[from, to), or -1 unless every character is an ASCII digit. */
  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static StringBuilder digits(StringBuilder out, int value, int width) {
    String text = Integer.toString(value);
    for (int i = text.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(text);
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  // Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian, as java.time).
  private static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static long[] civilFromDays(long days) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return new long[] {year, month, day};
  }
}
