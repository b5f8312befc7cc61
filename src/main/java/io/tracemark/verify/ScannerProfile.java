package io.tracemark.verify;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a result-string reader talks, as data ({@code scanner-profiles/*.yaml}): how a result ends,
 * what a no-read looks like, which commands start and stop reading, and a regular expression that
 * takes each result apart with named groups {@code data} (required), {@code symbology} and
 * {@code grade} (a letter A–F or a number 0–4).
 *
 * @param name              profile name, e.g. {@code keyence-sr}
 * @param vendor            human-readable reader family
 * @param prefix            bytes a result may start with, stripped (STX, or "" for none)
 * @param terminator        bytes that end a result (CR, LF, CRLF, ETX or literal text)
 * @param commandTerminator bytes sent after each command
 * @param noReadTokens      results meaning "no read", compared after trimming
 * @param triggerOn         command that starts reading, or empty
 * @param triggerOff        command that stops reading, or empty
 * @param resultPattern     the result regex
 * @param maxLineLength     longest accepted result in bytes; longer input is a bad read
 * @param commandReplies    lines that answer a command (e.g. Keyence {@code OK,LON}): never a read, dropped
 * @param wrongModes        lines that show the reader is set up in a mode this profile cannot parse
 * @param trigger           who starts each read: the station per unit ({@link Trigger#SOFTWARE}) or the line
 * @param unverified        why the profile's behaviour is not confirmed by a manual, or empty when it is
 */
public record ScannerProfile(String name, String vendor, String prefix, String terminator, String commandTerminator,
                             List<String> noReadTokens, Optional<String> triggerOn, Optional<String> triggerOff,
                             Pattern resultPattern, int maxLineLength, List<Pattern> commandReplies,
                             List<WrongMode> wrongModes, Trigger trigger, Optional<String> unverified) {

    /** Who starts a read. */
    public enum Trigger {
        /** The station sends {@code triggerOn} once per unit (when the printer confirms the label printed). */
        SOFTWARE,
        /** A photo-eye or the reader itself (continuous mode) starts reads; the station sends nothing. */
        HARDWARE
    }

    /**
     * A line that shows the reader is configured in a mode this profile cannot parse.
     *
     * @param pattern matches such a line
     * @param mode    the mode, in the manual's words, for the error message
     */
    public record WrongMode(Pattern pattern, String mode) {
    }

    public ScannerProfile {
        noReadTokens = List.copyOf(noReadTokens);
        commandReplies = List.copyOf(commandReplies);
        wrongModes = List.copyOf(wrongModes);
    }

    /** Whether the station triggers each read itself. */
    public boolean softwareTrigger() {
        return trigger == Trigger.SOFTWARE;
    }

    /** The terminator as bytes. */
    public byte[] terminatorBytes() {
        return terminator.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Builds a profile from raw settings, checking all of them and reporting every problem at once.
     *
     * @throws InvalidInputException naming each bad field
     */
    public static ScannerProfile of(String where, RawProfile raw) {
        List<Problem> problems = new ArrayList<>();
        if (raw.name() == null || raw.name().isBlank()) {
            problems.add(new Problem(where + ": name", "is required"));
        }
        String terminator = controlName(raw.terminator() == null ? "CRLF" : raw.terminator());
        if (terminator.isEmpty()) {
            problems.add(new Problem(where + ": terminator", "must not be empty"));
        }
        Pattern pattern = null;
        if (raw.resultPattern() == null) {
            problems.add(new Problem(where + ": resultPattern", "is required"));
        } else {
            try {
                pattern = Pattern.compile(raw.resultPattern());
                if (!raw.resultPattern().contains("(?<data>")) {
                    problems.add(new Problem(where + ": resultPattern", "needs a named group (?<data>...)"));
                }
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(where + ": resultPattern", "is not a valid regex: " + e.getDescription()));
            }
        }
        int max = raw.maxLineLength() == null ? 4096 : raw.maxLineLength();
        if (max < 16 || max > 1_000_000) {
            problems.add(new Problem(where + ": maxLineLength", "must be 16..1000000, was " + max));
        }
        List<Pattern> replies = new ArrayList<>();
        List<String> rawReplies = raw.commandReplies() == null ? List.of() : raw.commandReplies();
        for (int i = 0; i < rawReplies.size(); i++) {
            regex(rawReplies.get(i), where + ": commandReplies[" + i + "]", problems).ifPresent(replies::add);
        }
        List<WrongMode> modes = new ArrayList<>();
        List<RawWrongMode> rawModes = raw.wrongModes() == null ? List.of() : raw.wrongModes();
        for (int i = 0; i < rawModes.size(); i++) {
            RawWrongMode m = rawModes.get(i);
            if (m.mode() == null || m.mode().isBlank()) {
                problems.add(new Problem(where + ": wrongModes[" + i + "].mode", "is required (the mode in the manual's words)"));
            }
            regex(m.pattern(), where + ": wrongModes[" + i + "].pattern", problems)
                    .ifPresent(p -> modes.add(new WrongMode(p, m.mode())));
        }
        Trigger trigger = Trigger.HARDWARE;
        if ("software".equals(raw.trigger())) {
            trigger = Trigger.SOFTWARE;
            if (raw.triggerOn() == null || raw.triggerOn().isEmpty()) {
                problems.add(new Problem(where + ": trigger", "software triggering needs a triggerOn command"));
            }
        } else if (raw.trigger() != null && !raw.trigger().equals("hardware")) {
            problems.add(new Problem(where + ": trigger", "must be software or hardware, was '" + raw.trigger() + "'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("scanner profile " + where, problems);
        }
        return new ScannerProfile(raw.name(), raw.vendor() == null ? raw.name() : raw.vendor(),
                controlName(raw.prefix() == null ? "" : raw.prefix()), terminator,
                controlName(raw.commandTerminator() == null ? "CRLF" : raw.commandTerminator()),
                raw.noReadTokens() == null ? List.of() : raw.noReadTokens(),
                Optional.ofNullable(raw.triggerOn()).filter(s -> !s.isEmpty()),
                Optional.ofNullable(raw.triggerOff()).filter(s -> !s.isEmpty()), pattern, max, replies, modes, trigger,
                Optional.ofNullable(raw.unverified()).filter(s -> !s.isBlank()));
    }

    /** The same profile with another trigger (a station whose line has no photo-eye, say). */
    public ScannerProfile withTrigger(Trigger t) {
        if (t == Trigger.SOFTWARE && triggerOn.isEmpty()) {
            throw new IllegalArgumentException(name + " has no triggerOn command to trigger by software");
        }
        return new ScannerProfile(name, vendor, prefix, terminator, commandTerminator, noReadTokens, triggerOn,
                triggerOff, resultPattern, maxLineLength, commandReplies, wrongModes, t, unverified);
    }

    private static Optional<Pattern> regex(String text, String where, List<Problem> problems) {
        if (text == null || text.isEmpty()) {
            problems.add(new Problem(where, "is required"));
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            problems.add(new Problem(where, "is not a valid regex: " + e.getDescription()));
            return Optional.empty();
        }
    }

    /** CR, LF, CRLF, STX, ETX, GS, TAB by name; anything else literally. */
    static String controlName(String s) {
        return switch (s) {
            case "CR" -> "\r";
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            case "STX" -> "\u0002";
            case "ETX" -> "\u0003";
            case "GS" -> "\u001d";
            case "TAB" -> "\t";
            default -> s;
        };
    }

    /** The YAML shape of a profile, before validation. */
    public record RawProfile(String name, String vendor, String prefix, String terminator, String commandTerminator,
                             List<String> noReadTokens, String triggerOn, String triggerOff, String resultPattern,
                             Integer maxLineLength, List<String> commandReplies, List<RawWrongMode> wrongModes,
                             String trigger, String unverified) {
    }

    /** The YAML shape of a wrong mode. */
    public record RawWrongMode(String pattern, String mode) {
    }
}
