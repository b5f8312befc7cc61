package io.tracemark.pack;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Who bought the goods (guideline 5.3.3.4 flow information). The contact is confidential (7.1.4): shown only
 * to roles that need it, and never written to a log; {@link #toString()} leaves it out.
 *
 * @param name    the buyer's name
 * @param address the buyer's address
 * @param contact the buyer's contact (phone, e-mail)
 */
public record Buyer(String name, String address, String contact) {

    /** @throws InvalidInputException naming every missing field */
    public Buyer {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new Problem("buyer.name", "required"));
        }
        if (address == null || address.isBlank()) {
            problems.add(new Problem("buyer.address", "required"));
        }
        if (contact == null || contact.isBlank()) {
            problems.add(new Problem("buyer.contact", "required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("buyer", problems);
        }
    }

    /** The name with all but its first and last characters hidden, as a public page shows it. */
    public String maskedName() {
        if (name.length() <= 2) {
            return name.charAt(0) + "*";
        }
        return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
    }

    /**
     * The contact as a role without the need to know it sees it (7.1.4): the first 3 and the last 2 characters
     * kept, the rest {@code *}; a short contact wholly hidden.
     */
    public String maskedContact() {
        String c = contact.strip();
        if (c.length() <= 6) {
            return "*".repeat(c.length());
        }
        return c.substring(0, 3) + "*".repeat(c.length() - 5) + c.substring(c.length() - 2);
    }

    @Override
    public String toString() {
        return "Buyer[" + name + ", " + address + ", contact hidden]";
    }
}
