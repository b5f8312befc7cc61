package io.tracemark.app;

import io.tracemark.verify.RejectGate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Every reject gate of a station fired for every reject (e.g. a pusher and a diverter further down,
 * or a pusher and a reject bin's lid): the reject is confirmed when every gate with a sensor
 * confirmed it, and fails when any gate cannot be commanded.
 */
final class RejectGateGroup implements RejectGate {

    private final List<RejectGate> gates;

    RejectGateGroup(List<RejectGate> gates) {
        if (gates.isEmpty()) {
            throw new IllegalArgumentException("no reject gates");
        }
        this.gates = List.copyOf(gates);
    }

    @Override
    public String name() {
        return gates.stream().map(RejectGate::name).collect(Collectors.joining("+"));
    }

    @Override
    public CompletableFuture<Boolean> reject(long unitId) {
        List<CompletableFuture<Boolean>> all = gates.stream().map(g -> g.reject(unitId)).toList();
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(done -> all.stream().allMatch(CompletableFuture::join));
    }

    @Override
    public boolean confirms() {
        return gates.stream().anyMatch(RejectGate::confirms);
    }

    @Override
    public void close() {
        gates.forEach(RejectGate::close);
    }
}
