package io.orderhub.engine.processing;

import io.orderhub.engine.model.TimerDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a timer falls due, from its evaluated ISO-8601 value: a duration ({@code PT15M}, {@code
 * P1D}), a date-time, or a cycle {@code R[n]/[start/]duration}. Cron cycles are not supported.
 *
 * @param repetitions cycles still to come after the first, -1 for unbounded, 0 for none
 * @param interval the cycle's duration text, null for duration and date timers
 */
record TimerSchedule(long dueDate, int repetitions, String interval) {

  static TimerSchedule of(TimerDefinition.Kind kind, Object value, long now) {
    String text = String.valueOf(value).strip();
    return switch (kind) {
      case DURATION -> new TimerSchedule(now + durationMillis(text, now), 0, null);
      case DATE -> new TimerSchedule(dateMillis(text), 0, null);
      case CYCLE -> cycle(text, now);
    };
  }

  /** The next occurrence of a cycle after this one fired. */
  TimerSchedule next() {
    int remaining = repetitions < 0 ? -1 : repetitions - 1;
    return new TimerSchedule(dueDate + durationMillis(interval, dueDate), remaining, interval);
  }

  boolean repeats() {
    return repetitions != 0;
  }

  private static TimerSchedule cycle(String text, long now) {
    String[] parts = text.split("/");
    if (parts.length < 2 || !parts[0].startsWith("R")) {
      throw new IllegalArgumentException(
          "'%s' is not a supported timer cycle (expected R[n]/[start/]duration)".formatted(text));
    }
    String count = parts[0].substring(1);
    int total = count.isEmpty() ? -1 : Integer.parseInt(count);
    String interval = parts[parts.length - 1];
    long start = parts.length == 3 ? dateMillis(parts[1]) : now;
    long first = parts.length == 3 ? start : start + durationMillis(interval, start);
    return new TimerSchedule(first, total < 0 ? -1 : Math.max(0, total - 1), interval);
  }

  static long durationMillis(String text, long from) {
    try {
      if (text.contains("T") || !text.startsWith("P")) {
        int t = text.indexOf('T');
        if (t > 1) {
          Period period = Period.parse(text.substring(0, t));
          Duration time = Duration.parse("P" + text.substring(t));
          return periodMillis(period, from) + time.toMillis();
        }
        return Duration.parse(text).toMillis();
      }
      return periodMillis(Period.parse(text), from);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'%s' is not an ISO-8601 duration".formatted(text), e);
    }
  }

  private static long periodMillis(Period period, long from) {
    ZonedDateTime start = Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC);
    return Duration.between(start, start.plus(period)).toMillis();
  }

  private static long dateMillis(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException notOffset) {
      try {
        return ZonedDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'%s' is not an ISO-8601 date-time with an offset".formatted(text), e);
      }
    }
  }
}
