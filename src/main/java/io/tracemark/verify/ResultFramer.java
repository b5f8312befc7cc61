package io.tracemark.verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Cuts a reader's byte stream into results by the profile's terminator and parses each one. Memory
 * is bounded: a result longer than the profile's maximum becomes one {@link ReadResult.BadRead} and
 * the rest of it is skipped up to the next terminator. Never throws on input.
 */
final class ResultFramer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResultFramer.class);
    private static final int SHOWN = 60;

    private final ScannerProfile profile;
    private final byte[] terminator;
    private final Clock clock;
    private final Consumer<ReadResult> out;
    /** The bytes of the result being framed (terminator included), {@code lineLength} of them. */
    private byte[] line = new byte[128];
    private int lineLength;
    /** The last bytes seen, as a ring of the terminator's length, and how many since the last terminator. */
    private final byte[] tail;
    private int tailNext;
    private int tailCount;
    private boolean overflowing;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Which named groups the result pattern has, learnt on its first match (null before). */
    private Groups groups;

    ResultFramer(ScannerProfile profile, Clock clock, Consumer<ReadResult> out) {
        this.profile = profile;
        this.terminator = profile.terminatorBytes();
        this.tail = new byte[terminator.length];
        this.clock = clock;
        this.out = out;
    }

    void feed(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            feed(buffer[i]);
        }
    }

    private void feed(byte b) {
        boolean end = pushTail(b);
        if (overflowing) {
            // skipping the rest of an over-long result: nothing is kept but the terminator match
            if (end) {
                overflowing = false;
                lineLength = 0;
            }
            return;
        }
        if (lineLength == line.length) {
            line = java.util.Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
        if (end) {
            int n = lineLength - terminator.length;
            lineLength = 0;
            result(line, n);
        } else if (lineLength > profile.maxLineLength() + terminator.length) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(line, lineLength),
                    "result longer than " + profile.maxLineLength() + " bytes without terminator"));
            overflowing = true;
            lineLength = 0;
            if (line.length > 4096) {
                line = new byte[128]; // an over-long result does not keep its buffer
            }
        }
    }

    /** Shifts {@code b} into the last-bytes window; true when the window now equals the terminator. */
    private boolean pushTail(byte b) {
        tail[tailNext] = b;
        tailNext = tailNext + 1 == tail.length ? 0 : tailNext + 1;
        if (tailCount < tail.length) {
            tailCount++;
        }
        if (tailCount < tail.length || b != terminator[terminator.length - 1]) {
            return false;
        }
        for (int i = 0, at = tailNext; i < terminator.length; i++, at = at + 1 == tail.length ? 0 : at + 1) {
            if (tail[at] != terminator[i]) {
                return false;
            }
        }
        tailCount = 0;
        return true;
    }

    private void result(byte[] buffer, int length) {
        Optional<String> text = text(buffer, length);
        if (text.isEmpty()) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(buffer, length), "not UTF-8 text"));
            return;
        }
        result(text.get(), buffer, length);
    }

    private void result(String text, byte[] bytes, int length) {
        String s = text;
        if (!profile.prefix().isEmpty() && s.startsWith(profile.prefix())) {
            s = s.substring(profile.prefix().length());
        }
        // a CRLF reader framed on CR leaves LFs; blank lines carry nothing
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = s.replace("\n", "").replace("\r", "");
        }
        if (s.isBlank()) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 32 && c != 29 && c != 30 && c != 4 && c != '\t') || c == 127) {
                out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes, length),
                        String.format("control byte 0x%02x at %d", (int) c, i)));
                return;
            }
        }
        String trimmed = s.trim();
        List<String> tokens = profile.noReadTokens();
        if (tokens.contains(trimmed)) {
            out.accept(new ReadResult.NoRead(clock.instant(), Optional.empty(), trimmed));
            return;
        }
        if (notARead(trimmed, bytes, length)) {
            return;
        }
        parse(s, bytes, length);
    }

    /**
     * A command reply is dropped (it answers the station, it is no code); a line that shows the reader
     * in a mode the profile cannot parse becomes a bad read naming the mode, and is logged as an error.
     */
    private boolean notARead(String line, byte[] bytes, int length) {
        for (java.util.regex.Pattern reply : profile.commandReplies()) {
            if (reply.matcher(line).matches()) {
                LOG.debug("{}: command reply '{}'", profile.name(), line);
                return true;
            }
        }
        for (ScannerProfile.WrongMode mode : profile.wrongModes()) {
            if (mode.pattern().matcher(line).matches()) {
                String why = "the reader sends in " + mode.mode() + ", which profile " + profile.name()
                        + " cannot parse; set the reader up as the profile says";
                String shown = shown(bytes, length);
                LOG.error("{}: {}: {}", profile.name(), why, shown);
                out.accept(new ReadResult.BadRead(clock.instant(), shown, why));
                return true;
            }
        }
        return false;
    }

    private void parse(String s, byte[] bytes, int length) {
        Matcher m = profile.resultPattern().matcher(s);
        if (!m.matches()) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes, length), "does not match the "
                    + profile.name() + " result pattern"));
            return;
        }
        if (groups == null) {
            groups = Groups.of(m);
        }
        OptionalLong trigger = OptionalLong.empty();
        Optional<String> number = groups.trigger ? nonEmpty(m.group("trigger")) : Optional.empty();
        if (number.isPresent()) {
            try {
                trigger = OptionalLong.of(Long.parseLong(number.get()));
            } catch (NumberFormatException e) {
                out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes, length), "trigger number '"
                        + number.get() + "' is not a number"));
                return;
            }
            String rest = m.group("data") == null ? "" : m.group("data").trim();
            if (profile.noReadTokens().contains(rest)) {
                out.accept(new ReadResult.NoRead(clock.instant(), Optional.empty(), rest, trigger));
                return;
            }
        }
        String data = m.group("data");
        if (data == null || data.isEmpty()) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes, length), "result without data"));
            return;
        }
        String symbology = groups.symbology ? nonEmpty(m.group("symbology")).orElse("") : "";
        Optional<Grades> grades;
        try {
            grades = groups.grade ? nonEmpty(m.group("grade")).map(g -> Grades.overallOnly(Grade.parse(g)))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes, length), e.getMessage()));
            return;
        }
        out.accept(new ReadResult.Read(data, symbology, grades, Optional.empty(), clock.instant(), trigger));
    }

    private static Optional<String> nonEmpty(String group) {
        return group == null || group.isEmpty() ? Optional.empty() : Optional.of(group);
    }

    /**
     * The optional named groups of a profile's result pattern. Java 17's regex API cannot list them, so
     * they are probed once, on the first match ({@code data} is required by every profile's pattern).
     */
    private record Groups(boolean trigger, boolean symbology, boolean grade) {
        static Groups of(Matcher matched) {
            return new Groups(has(matched, "trigger"), has(matched, "symbology"), has(matched, "grade"));
        }

        private static boolean has(Matcher matched, String name) {
            try {
                matched.group(name);
                return true;
            } catch (IllegalArgumentException noSuchGroup) {
                return false;
            }
        }
    }

    /** The text of a result: ASCII as it is, anything else strictly UTF-8 (empty when it is not). */
    private Optional<String> text(byte[] bytes, int length) {
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return Optional.of(new String(bytes, 0, length, StandardCharsets.US_ASCII));
        }
        try {
            return Optional.of(utf8.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String shown(byte[] bytes, int length) {
        return shown(java.util.Arrays.copyOf(bytes, length));
    }

    /** Printable ASCII kept, everything else as \xNN, cut to a short prefix. */
    static String shown(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length && sb.length() < SHOWN; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 32 && b < 127) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        if (bytes.length > 0 && sb.length() >= SHOWN) {
            sb.append("… (").append(bytes.length).append(" bytes)");
        }
        return sb.toString();
    }
}
