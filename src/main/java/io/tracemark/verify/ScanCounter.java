package io.tracemark.verify;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Counts results by kind on their way to a listener; shared by the scanner implementations. */
final class ScanCounter {

    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong noReads = new AtomicLong();
    private final AtomicLong badReads = new AtomicLong();
    private volatile Consumer<ReadResult> listener = r -> { };

    void setListener(Consumer<ReadResult> listener) {
        this.listener = listener;
    }

    void deliver(ReadResult result) {
        // Java 17: no pattern matching for switch yet
        if (result instanceof ReadResult.Read) {
            reads.incrementAndGet();
        } else if (result instanceof ReadResult.NoRead) {
            noReads.incrementAndGet();
        } else {
            badReads.incrementAndGet();
        }
        listener.accept(result);
    }

    ScanCounts snapshot() {
        return new ScanCounts(reads.get(), noReads.get(), badReads.get());
    }
}
