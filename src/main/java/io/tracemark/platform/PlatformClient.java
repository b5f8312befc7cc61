package io.tracemark.platform;

import io.tracemark.platform.wire.ChainAnchor;
import io.tracemark.platform.wire.ChainAnchorResult;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.ReturnResult;
import io.tracemark.platform.wire.ScanAlert;
import io.tracemark.platform.wire.UnitEvent;
import java.util.List;

/**
 * The station's side of the platform contract ({@code docs/platform-api.yaml}, base path
 * {@code /api/platform/v1}). {@link HttpPlatformClient} speaks it over HTTP; an adapter to a real
 * platform with another interface implements this same interface.
 *
 * <p>Every method blocks the calling thread until the reply arrives or the client's timeout
 * expires, and throws {@link PlatformException} on any failure, with {@link PlatformException#kind()}
 * telling an outage or timeout (retry later) from a refusal (do not retry as is). Replies are checked
 * for consistency before they are returned: a garbled reply is {@code BAD_REPLY}, never a partial
 * result.
 */
public interface PlatformClient {

    /** Where the platform is, for messages and the status page. */
    String describe();

    /** The producers this station's token belongs to (usually one). */
    List<Producer> producers();

    /** The products of this station's producer(s), with their mandatory information. */
    List<Product> products();

    /**
     * Asks for codes. The platform audits the request automatically or by a person; the returned
     * request is {@code ACTIVATED} (its range is ready to pull), {@code PENDING_AUDIT} or {@code REFUSED}.
     */
    CodeRequest requestCodes(NewCodeRequest request);

    /** The current state of an earlier code request. */
    CodeRequest codeRequest(String requestId);

    /**
     * Activated ranges not yet acknowledged by this station, oldest first; {@code productId} null for
     * every product.
     */
    List<CodeRange> activatedRanges(String productId);

    /** Accepts a range whole, or refuses it whole with a reason the platform stores and shows. */
    void acknowledge(String rangeId, RangeAck ack);

    /**
     * Posts unit events (at most {@link io.tracemark.platform.wire.EventBatch#MAX_EVENTS}). Events
     * whose idempotency key the platform already holds are counted as duplicates and not stored
     * again, so a batch may be re-sent safely after a failure.
     */
    EventBatchResult postEvents(List<UnitEvent> events);

    /** Reports the quantity produced of one product on one day; replaces an earlier report. */
    void postDailyQuantity(DailyQuantity quantity);

    /** Returns unused codes; safe to repeat with the same idempotency key. */
    ReturnResult returnCodes(CodeReturn codeReturn);

    /** What the platform knows of one code (its status and event count); {@code REFUSED} (404) if it never issued it. */
    CodeStatus codeStatus(String code);

    /**
     * Anti-counterfeit alerts of this station's producer that changed after sequence {@code after}
     * (0 for all), in sequence order, at most {@link ScanAlert#MAX_PAGE}; a full page means more may follow.
     */
    List<ScanAlert> scanAlerts(long after);

    /**
     * Posts heads of the station's audit chain ({@code POST /audit-anchors}); safe to repeat. A
     * refusal (409) means the platform holds another hash under one of the keys: the chain was rewritten.
     */
    ChainAnchorResult postAuditAnchors(List<ChainAnchor> anchors);

    /** The audit anchors the platform holds from this producer's stations, or only from {@code station} (null: all). */
    List<ChainAnchor> auditAnchors(String station);
}
