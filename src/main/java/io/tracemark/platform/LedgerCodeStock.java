package io.tracemark.platform;

import io.tracemark.codes.CodeScheme;
import io.tracemark.codes.CodeSchemes;
import io.tracemark.codes.Verdict;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.CodeValidator;
import io.tracemark.ledger.ImportOutcome;
import io.tracemark.store.Database;
import java.util.List;
import java.util.Optional;

/**
 * {@link CodeStock} over the code ledger. A range is imported as one ledger package whose source
 * is {@code platform:<productId>:<rangeId>} and whose product is {@code productId}, so that only
 * jobs of that product are allocated its codes; codes are validated by the station's scheme.
 */
public final class LedgerCodeStock implements CodeStock {

    /** Prefix of the ledger package source of every range pulled from a platform. */
    public static final String SOURCE_PREFIX = "platform:";
    static final String ACTOR = "platform-link";

    private final CodeLedger ledger;
    private final Database db;
    private final CodeSchemes schemes;

    public LedgerCodeStock(CodeLedger ledger, Database db, CodeSchemes schemes) {
        this.ledger = ledger;
        this.db = db;
        this.schemes = schemes;
    }

    /** The ledger package source of a range. */
    public static String source(String productId, String rangeId) {
        return SOURCE_PREFIX + productId + ":" + rangeId;
    }

    @Override
    public long available(String productId) {
        String prefix = SOURCE_PREFIX + productId + ":";
        return db.count("SELECT count(*) FROM codes c JOIN code_packages p ON p.id = c.package_id"
                + " WHERE c.state = 'AVAILABLE' AND substr(p.file_name, 1, ?) = ?", prefix.length(), prefix);
    }

    @Override
    public boolean importRange(String productId, String rangeId, String scheme, List<String> codes) {
        Optional<CodeScheme> known = schemes.find(scheme);
        if (known.isEmpty()) {
            throw new InvalidInputException("range " + rangeId, List.of(new Problem("scheme",
                    "'" + scheme + "' is not a scheme this station knows: " + String.join(", ", schemes.names()))));
        }
        CodeValidator validator = code -> {
            Verdict v = known.get().validate(code);
            return v.valid() ? Optional.empty() : Optional.of(v.reason());
        };
        ImportOutcome outcome = ledger.importCodes(codes, source(productId, rangeId), scheme, productId, validator, ACTOR);
        return outcome instanceof ImportOutcome.Imported;
    }
}
