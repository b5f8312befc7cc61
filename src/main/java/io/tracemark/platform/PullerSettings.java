package io.tracemark.platform;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How large a code buffer the station keeps per product.
 *
 * @param interval    time between scheduled pulls
 * @param bufferDays  target buffer: this many days of production at the expected daily rate (e.g. 2)
 * @param alarmDays   low-buffer alarm below this many days of production (e.g. 0.5)
 * @param dailyRates  expected units per day, per product id; only these products are buffered
 * @param minRequest  smallest code request made
 * @param maxRequest  largest code request made
 */
public record PullerSettings(Duration interval, double bufferDays, double alarmDays, Map<String, Long> dailyRates,
                             int minRequest, int maxRequest) {

    public PullerSettings {
        List<Problem> problems = new ArrayList<>();
        if (interval == null || interval.isNegative() || interval.isZero()) {
            problems.add(new Problem("interval", "must be positive"));
        }
        if (bufferDays <= 0) {
            problems.add(new Problem("bufferDays", bufferDays + " must be positive"));
        }
        if (alarmDays < 0 || alarmDays > bufferDays) {
            problems.add(new Problem("alarmDays", alarmDays + " must be 0.." + bufferDays + " (bufferDays)"));
        }
        dailyRates = dailyRates == null ? Map.of() : new LinkedHashMap<>(dailyRates);
        dailyRates.forEach((p, rate) -> {
            if (rate == null || rate < 0) {
                problems.add(new Problem("dailyRates." + p, rate + " must be 0 or more"));
            }
        });
        if (minRequest < 1 || maxRequest < minRequest || maxRequest > 1_000_000) {
            problems.add(new Problem("minRequest", "need 1 <= minRequest <= maxRequest <= 1000000, got "
                    + minRequest + ".." + maxRequest));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("platform puller settings", problems);
        }
        dailyRates = Map.copyOf(dailyRates);
    }

    /** Every 5 minutes, 2 days of buffer, alarm below half a day, requests of 100..100,000 codes. */
    public static PullerSettings of(Map<String, Long> dailyRates) {
        return new PullerSettings(Duration.ofMinutes(5), 2, 0.5, dailyRates, 100, 100_000);
    }

    public PullerSettings withInterval(Duration value) {
        return new PullerSettings(value, bufferDays, alarmDays, dailyRates, minRequest, maxRequest);
    }

    /** Codes the buffer should hold for a product. */
    public long target(String productId) {
        return (long) Math.ceil(dailyRates.getOrDefault(productId, 0L) * bufferDays);
    }

    /** Below this many codes the low-buffer alarm is raised. */
    public long alarmThreshold(String productId) {
        return (long) Math.ceil(dailyRates.getOrDefault(productId, 0L) * alarmDays);
    }
}
