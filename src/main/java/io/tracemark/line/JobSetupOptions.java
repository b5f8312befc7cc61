package io.tracemark.line;

import java.util.List;

/** Choices job set-up offers; names are the ids to put in a {@link JobRequest}. */
public record JobSetupOptions(List<ProductChoice> products, List<String> templates, List<String> printers,
                              List<String> scanners, List<String> schemes, List<String> traceLevels) {

    /** A product with the codes still available for it. */
    public record ProductChoice(String id, String name, String specification, long codesAvailable) {
    }
}
