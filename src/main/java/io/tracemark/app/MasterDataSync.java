package io.tracemark.app;

import io.tracemark.codes.UsccRegistration;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.Producer;
import io.tracemark.master.Product;
import io.tracemark.master.UsccConfirmation;
import io.tracemark.platform.PlatformClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the platform's producer and product master data (guideline 5.3.3) into the station's
 * {@link MasterDataStore}, so jobs are set up with what the platform registered. Records that did not
 * change are not saved again (no audit entry); a product whose mandatory information is incomplete
 * is skipped and logged (the platform would not activate codes for it either). A producer whose USCC
 * fails only its check character is taken when the platform sends a person's confirmation of it
 * (stored and audited with who, when and where); without one it is refused with the reason.
 */
final class MasterDataSync {

    private static final Logger LOG = LoggerFactory.getLogger(MasterDataSync.class);

    private MasterDataSync() {
    }

    /**
     * What a sync did.
     *
     * @param saved    records saved now (new or changed)
     * @param refused  one line per record not taken, with the reason
     */
    record Outcome(int saved, List<String> refused) {
    }

    static Outcome sync(PlatformClient client, MasterDataStore store, String actor) {
        int saved = 0;
        List<String> refused = new ArrayList<>();
        Map<String, Producer> producers = new HashMap<>();
        for (io.tracemark.platform.wire.Producer p : client.producers()) {
            Producer producer = new Producer(p.id(), p.name(), p.uscc(), p.address(), p.contact(), p.businessLicence());
            producers.put(p.id(), producer);
            try {
                takeConfirmation(p, store, actor);
                if (!store.producer(p.id()).equals(Optional.of(producer))) {
                    store.save(producer, actor);
                    saved++;
                }
            } catch (InvalidInputException e) {
                String reason = "producer " + p.id() + " not taken: " + e.getMessage()
                        + (p.usccConfirmation() == null ? "" : " (the platform's confirmation was refused)");
                refused.add(reason);
                LOG.warn("{}: {}", client.describe(), reason);
            }
        }
        for (io.tracemark.platform.wire.Product p : client.products()) {
            Producer producer = producers.get(p.producerId());
            if (producer == null) {
                LOG.warn("{}: product {} of unknown producer {} not taken", client.describe(), p.id(), p.producerId());
                continue;
            }
            Product product = new Product(p.id(), producer, p.name(), p.type(), p.specification(), p.mandatoryStandard(),
                    p.inspectionReport(), nz(p.licenceNumber()), nz(p.warrantyPeriod()), nz(p.instructions()), nz(p.gtin()));
            if (store.product(p.id()).equals(Optional.of(product))) {
                continue;
            }
            try {
                store.save(product, actor);
                saved++;
            } catch (InvalidInputException e) {
                List<String> fields = e.problems().stream().map(Problem::where).toList();
                String reason = "product " + p.id() + " not taken, mandatory information missing: " + fields;
                refused.add(reason);
                LOG.warn("{}: {}", client.describe(), reason);
            }
        }
        return new Outcome(saved, List.copyOf(refused));
    }

    /** The platform's confirmation of the producer's USCC, taken only when the code needs one. */
    private static void takeConfirmation(io.tracemark.platform.wire.Producer p, MasterDataStore store, String actor) {
        var c = p.usccConfirmation();
        if (c == null || p.uscc() == null || !p.uscc().equals(c.uscc())
                || UsccRegistration.confirmationRefusal(p.uscc()).isPresent()) {
            return; // not for this code, or the code is valid (nothing to confirm) or invalid beyond its check character
        }
        store.takePlatformConfirmation(new UsccConfirmation(c.uscc(), c.confirmedBy(), c.confirmedAt(), c.confirmedOn()),
                actor);
    }

    private static String nz(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
