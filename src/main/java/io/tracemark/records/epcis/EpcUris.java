package io.tracemark.records.epcis;

import io.tracemark.codes.DigitalLink;
import io.tracemark.codes.ElementString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The EPCIS identifier of a ledger code: GS1 codes as constrained canonical GS1 Digital Link URIs on
 * {@code https://id.gs1.org} (EPCIS 2.0 and CBV 2.0 hash rules: no custom domain, no query string,
 * only the key and its qualifiers), other codes (platform-issued digital identity codes, Ecode, CCC)
 * as {@code urn:tracemark:code:<percent-encoded code>}, a URI that is not a GS1 key.
 */
final class EpcUris {

    static final String GS1 = "https://id.gs1.org";

    private EpcUris() {
    }

    /** The instance identifier of a code printed on one unit. */
    static String instance(String code) {
        ElementString data = gs1(code);
        if (data == null) {
            return "urn:tracemark:code:" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        }
        String gtin = data.get("01").orElse(null);
        String serial = data.get("21").orElse(null);
        if (gtin != null && serial != null) {
            return GS1 + "/01/" + gtin + "/21/" + DigitalLink.encode(serial);
        }
        String sscc = data.get("00").orElse(null);
        if (sscc != null) {
            return GS1 + "/00/" + sscc;
        }
        return klass(code);
    }

    /** The class identifier of a code printed on many units (GTIN, or GTIN and lot). */
    static String klass(String code) {
        ElementString data = gs1(code);
        if (data == null || data.get("01").isEmpty()) {
            return "urn:tracemark:code:" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        }
        String gtin = data.get("01").orElseThrow();
        return data.get("10").map(lot -> GS1 + "/01/" + gtin + "/10/" + DigitalLink.encode(lot)).orElse(GS1 + "/01/" + gtin);
    }

    private static ElementString gs1(String code) {
        try {
            if (code.startsWith("http://") || code.startsWith("https://")) {
                return DigitalLink.parse(code);
            }
            if (code.startsWith("(") || code.startsWith("]") || code.indexOf(ElementString.GS) >= 0) {
                return ElementString.parse(code);
            }
        } catch (RuntimeException e) {
            return null; // not GS1 data: an opaque code
        }
        return null;
    }
}
