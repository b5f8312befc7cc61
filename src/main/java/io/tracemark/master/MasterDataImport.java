package io.tracemark.master;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports producer and product master data from a file for a station without a platform, all or
 * nothing: every row is checked first with the panel's rules (mandatory fields of guideline 5.3.3,
 * ids, a product's producer in the file or already stored, no id twice), every problem is listed
 * with its line and field, and only a file without problems is saved, in one transaction, each
 * record audited.
 */
public final class MasterDataImport {

    /** What an import saved. */
    public record Outcome(int producers, int products, List<String> producerIds, List<String> productIds) {
    }

    private final MasterDataStore store;

    public MasterDataImport(MasterDataStore store) {
        this.store = store;
    }

    /** Reads, checks and saves a YAML or CSV file; throws {@link InvalidInputException} listing every problem. */
    public Outcome importFile(Path file, String actor) {
        MasterDataFile.Contents contents = MasterDataFile.read(file);
        return importRows(file.toString(), contents.rows(), contents.problems(), actor);
    }

    /** Checks and saves rows read from {@code source}, where {@code formProblems} were found already. */
    public Outcome importRows(String source, List<MasterDataRow> rows, List<Problem> formProblems, String actor) {
        List<Problem> problems = new ArrayList<>(formProblems);
        Map<String, Producer> producers = new HashMap<>();
        List<Producer> producerList = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MasterDataRow row : rows) {
            if (row.kind() == MasterDataRow.Kind.PRODUCER) {
                Producer p = row.producer();
                located(row, store.problems(p), problems);
                duplicate(row, seen, problems);
                producers.put(p.id(), p);
                producerList.add(p);
            }
        }
        List<Product> products = new ArrayList<>();
        Map<String, List<ComponentRole>> roles = new java.util.LinkedHashMap<>();
        Set<String> productIds = new HashSet<>();
        rows.stream().filter(r -> r.kind() == MasterDataRow.Kind.PRODUCT).forEach(r -> productIds.add(r.get("id")));
        for (MasterDataRow row : rows) {
            if (row.kind() == MasterDataRow.Kind.PRODUCT) {
                String producerId = row.get("producer");
                Producer producer = producerId == null ? null
                        : Optional.ofNullable(producers.get(producerId)).or(() -> store.producer(producerId)).orElse(null);
                if (producerId != null && producer == null) {
                    problems.add(new Problem(row.where() + ", product.producer", "producer '" + producerId
                            + "' is neither in this file nor registered"));
                }
                Product p = row.product(producer);
                List<Problem> own = new ArrayList<>(store.problems(p));
                own.removeIf(x -> x.where().startsWith("producer.")); // the producer's row reports its own
                if (producerId != null && producer == null) {
                    own.removeIf(x -> x.where().equals("product.producer"));
                }
                located(row, own, problems);
                duplicate(row, seen, problems);
                products.add(p);
                if (row.get("components") != null) {
                    roles.put(p.id(), components(row, productIds, problems));
                }
            }
        }
        if (rows.isEmpty()) {
            problems.add(new Problem("file", "no producer and no product in it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("master data " + source + ", nothing imported", problems);
        }
        store.saveAll(producerList, products, roles, actor, "import of " + source);
        return new Outcome(producerList.size(), products.size(), producerList.stream().map(Producer::id).toList(),
                products.stream().map(Product::id).toList());
    }

    /** The product's component roles (组合多码), each problem with the row's line; a component product must be known. */
    private List<ComponentRole> components(MasterDataRow row, Set<String> productIds, List<Problem> problems) {
        String where = row.where() + ", product.components";
        List<ComponentRole> parsed = ComponentRole.parse(row.get("components"), where, problems);
        problems.addAll(ComponentRole.problems(parsed, io.tracemark.codes.CodeSchemes.standard().names(), where));
        for (ComponentRole r : parsed) {
            r.productId().filter(id -> !productIds.contains(id) && store.product(id).isEmpty()).ifPresent(id ->
                    problems.add(new Problem(where + "." + r.role(), "component product '" + id
                            + "' is neither in this file nor registered")));
            r.productId().filter(id -> id.equals(row.get("id"))).ifPresent(id ->
                    problems.add(new Problem(where + "." + r.role(), "a product cannot be its own component")));
        }
        return parsed;
    }

    private static void located(MasterDataRow row, List<Problem> found, List<Problem> into) {
        for (Problem p : found) {
            into.add(new Problem(row.where() + ", " + p.where(), p.message()));
        }
    }

    private static void duplicate(MasterDataRow row, Set<String> seen, List<Problem> problems) {
        String id = row.get("id");
        if (id != null && !seen.add(row.kind().key() + ":" + id)) {
            problems.add(new Problem(row.where() + ", " + row.kind().key() + ".id", "'" + id
                    + "' is in this file twice"));
        }
    }
}
