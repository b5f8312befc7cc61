package io.tracemark.app;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.Producer;
import io.tracemark.master.Product;
import io.tracemark.platform.PlatformClient;
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
 * is skipped and logged (the platform would not activate codes for it either).
 */
final class MasterDataSync {

    private static final Logger LOG = LoggerFactory.getLogger(MasterDataSync.class);

    private MasterDataSync() {
    }

    /** @return records saved now (new or changed) */
    static int sync(PlatformClient client, MasterDataStore store, String actor) {
        int saved = 0;
        Map<String, Producer> producers = new HashMap<>();
        for (io.tracemark.platform.wire.Producer p : client.producers()) {
            Producer producer = new Producer(p.id(), p.name(), p.uscc(), p.address(), p.contact(), p.businessLicence());
            producers.put(p.id(), producer);
            if (!store.producer(p.id()).equals(Optional.of(producer))) {
                try {
                    store.save(producer, actor);
                    saved++;
                } catch (InvalidInputException e) {
                    LOG.warn("{}: producer {} not taken: {}", client.describe(), p.id(), e.getMessage());
                }
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
                LOG.warn("{}: product {} not taken, mandatory information missing: {}", client.describe(), p.id(), fields);
            }
        }
        return saved;
    }

    private static String nz(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
