package io.tracemark.platform;

import io.tracemark.platform.wire.CodeRequest;
import java.util.Collection;

/**
 * Code requests asked of the platform and waiting for its audit. The puller asks for a product's
 * codes only while none is pending, so a store that outlives the process ({@link StoredCodeRequests})
 * means a restarted station never asks twice for the same shortfall.
 */
public interface PendingCodeRequests {

    /** Every pending request, oldest first. */
    Collection<CodeRequest> all();

    /** Remembers a request the platform left {@code PENDING_AUDIT}. */
    void add(CodeRequest request);

    /** Forgets a request the platform has decided (activated or refused). */
    void remove(String requestId);

    /** Kept in memory only: a restart forgets them (tests and stations without a database). */
    static PendingCodeRequests inMemory() {
        java.util.Map<String, CodeRequest> map = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        return new PendingCodeRequests() {
            @Override
            public Collection<CodeRequest> all() {
                synchronized (map) {
                    return java.util.List.copyOf(map.values());
                }
            }

            @Override
            public void add(CodeRequest request) {
                map.put(request.id(), request);
            }

            @Override
            public void remove(String requestId) {
                map.remove(requestId);
            }
        };
    }
}
