package io.tracemark.platform;

import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.FieldProblem;
import java.util.List;

/**
 * What the platform link tells the user (panel alarms, log). Called on the puller's thread; keep
 * implementations quick. Every method has an empty default.
 */
public interface PlatformListener {

    /** A range was imported whole and accepted at the platform. */
    default void rangeImported(CodeRange range) {
    }

    /** A range was refused whole (nothing imported); the reason was sent back to the platform. */
    default void rangeRefused(CodeRange range, String reason, List<FieldProblem> problems) {
    }

    /** The platform refused or has not yet audited a code request the station made. */
    default void requestNotActivated(CodeRequest request) {
    }

    /** Fewer codes are left for a product than the alarm threshold (raised once until restored). */
    default void bufferLow(String productId, long available, long threshold) {
    }

    /** A product's buffer is back above its alarm threshold. */
    default void bufferRestored(String productId, long available) {
    }

    /** Talking to the platform failed; the station carries on from its buffer. */
    default void platformUnavailable(PlatformException failure) {
    }
}
