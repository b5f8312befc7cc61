package io.tracemark.codes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code uscc} scheme (GB 32100-2015, see {@link Uscc}). The shape is 18 characters of the
 * alphabet whose first two are a registration authority and organisation type of the GB 32100
 * code tables; anything else is invalid. A code of that shape whose check character (or embedded
 * GB 11714 organisation-code check character) fails is invalid too, but
 * {@linkplain Verdict#confirmable() confirmable}: some early codes were issued like that, so a
 * person may confirm it with the registration authority, and master data accepts it only with that
 * confirmation on record.
 */
public record UsccScheme() implements CodeScheme {

    /** What the reason of a USCC with a failing check says about confirming it. */
    public static final String CONFIRMATION_NOTE = "some early codes were issued like this:"
            + " a person may confirm it with the registration authority";

    @Override
    public String name() {
        return "uscc";
    }

    @Override
    public Verdict validate(String code) {
        List<String> problems = Uscc.shapeProblems(code);
        if (!problems.isEmpty()) {
            return Verdict.invalid(name(), problems, Map.of());
        }
        char authority = code.charAt(0);
        String type = code.substring(0, 2);
        if (Uscc.authorityName(authority).isEmpty()) {
            return Verdict.invalid(name(), List.of("registration authority '" + authority
                    + "' is not in the GB 32100 code table"), Map.of());
        }
        if (Uscc.typeName(type).isEmpty()) {
            return Verdict.invalid(name(), List.of("organisation type '" + code.charAt(1)
                    + "' is not in the GB 32100 code table for registration authority '" + authority + "'"), Map.of());
        }
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> checkProblems = new ArrayList<>();
        parts.put("registrationAuthority", authority + " " + Uscc.authorityName(authority).orElseThrow());
        parts.put("organisationType", code.charAt(1) + " " + Uscc.typeName(type).orElseThrow());
        parts.put("adminDivision", code.substring(2, 8));
        parts.put("organisationCode", code.substring(8, 17));
        parts.put("checkCharacter", code.substring(17));
        char orgCheck = Uscc.orgCodeCheckCharacter(code.substring(8, 16));
        if (orgCheck != code.charAt(16)) {
            checkProblems.add("organisation code " + code.substring(8, 17) + ": GB 11714 check character should be "
                    + orgCheck);
        }
        char check = Uscc.checkCharacter(code.substring(0, 17));
        if (check != code.charAt(17)) {
            checkProblems.add("check character should be " + check);
        }
        return checkProblems.isEmpty() ? Verdict.valid(name(), parts, List.of())
                : Verdict.confirmable(name(), checkProblems, CONFIRMATION_NOTE, parts);
    }

    /** 18 digits or capital letters. */
    @Override
    public boolean fits(String code) {
        return code.length() == 18 && code.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'));
    }
}
