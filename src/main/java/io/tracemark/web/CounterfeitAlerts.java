package io.tracemark.web;

import io.tracemark.core.CounterfeitAlert;
import java.util.List;
import java.util.Optional;

/**
 * The traceability platform's anti-counterfeit alerts as the station holds them (guideline 6.5),
 * for the panel: listed, and acknowledged by a signed-in user. The station's platform link pulls
 * them; a station without a platform has {@link #NONE}.
 */
public interface CounterfeitAlerts {

    /** No platform: no alerts, nothing to acknowledge. */
    CounterfeitAlerts NONE = new CounterfeitAlerts() {
        @Override
        public List<CounterfeitAlert> all() {
            return List.of();
        }

        @Override
        public Optional<CounterfeitAlert> acknowledge(String code, String actor) {
            return Optional.empty();
        }
    };

    /** Every alert held, unacknowledged first, then the most recently received; reads the database. */
    List<CounterfeitAlert> all();

    /**
     * Records that {@code actor} acknowledged the alert of {@code code} (audited with who and when);
     * an alert acknowledged before keeps its first acknowledgement.
     *
     * @return the alert as now stored, empty when there is none for the code
     */
    Optional<CounterfeitAlert> acknowledge(String code, String actor);

    /**
     * Calls {@code listener} whenever the alerts change (received, acknowledged), so the panel can push
     * the status at once; quick, never throwing. Closing the handle removes it.
     */
    default AutoCloseable onChange(Runnable listener) {
        return () -> { };
    }
}
