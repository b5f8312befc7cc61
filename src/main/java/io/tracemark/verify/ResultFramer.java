package io.tracemark.verify;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final byte[] tail;
    private int tailCount;
    private boolean overflowing;

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
                line.reset();
            }
            return;
        }
        line.write(b);
        if (end) {
            byte[] all = line.toByteArray();
            line.reset();
            result(java.util.Arrays.copyOf(all, all.length - terminator.length));
        } else if (line.size() > profile.maxLineLength() + terminator.length) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(line.toByteArray()),
                    "result longer than " + profile.maxLineLength() + " bytes without terminator"));
            overflowing = true;
            line.reset();
        }
    }

    /** Shifts {@code b} into the last-bytes window; true when the window now equals the terminator. */
    private boolean pushTail(byte b) {
        if (tailCount < tail.length) {
            tail[tailCount++] = b;
        } else {
            System.arraycopy(tail, 1, tail, 0, tail.length - 1);
            tail[tail.length - 1] = b;
        }
        if (tailCount == tail.length && java.util.Arrays.equals(tail, terminator)) {
            tailCount = 0;
            return true;
        }
        return false;
    }

    private void result(byte[] bytes) {
        Optional<String> text = utf8(bytes);
        if (text.isEmpty()) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes), "not UTF-8 text"));
            return;
        }
        String s = text.get();
        if (!profile.prefix().isEmpty() && s.startsWith(profile.prefix())) {
            s = s.substring(profile.prefix().length());
        }
        // a CRLF reader framed on CR leaves LFs; blank lines carry nothing
        s = s.replace("\n", "").replace("\r", "");
        if (s.isBlank()) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 32 && c != 29 && c != 30 && c != 4 && c != '\t') || c == 127) {
                out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes),
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
        if (notARead(trimmed, bytes)) {
            return;
        }
        parse(s, bytes);
    }

    /**
     * A command reply is dropped (it answers the station, it is no code); a line that shows the reader
     * in a mode the profile cannot parse becomes a bad read naming the mode, and is logged as an error.
     */
    private boolean notARead(String line, byte[] bytes) {
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
                LOG.error("{}: {}: {}", profile.name(), why, shown(bytes));
                out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes), why));
                return true;
            }
        }
        return false;
    }

    private void parse(String s, byte[] bytes) {
        Matcher m = profile.resultPattern().matcher(s);
        boolean matches = m.matches();
        OptionalLong trigger = OptionalLong.empty();
        if (matches) {
            Optional<String> number = group(m, "trigger");
            if (number.isPresent()) {
                try {
                    trigger = OptionalLong.of(Long.parseLong(number.get()));
                } catch (NumberFormatException e) {
                    out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes), "trigger number '"
                            + number.get() + "' is not a number"));
                    return;
                }
                String rest = m.group("data") == null ? "" : m.group("data").trim();
                if (profile.noReadTokens().contains(rest)) {
                    out.accept(new ReadResult.NoRead(clock.instant(), Optional.empty(), rest, trigger));
                    return;
                }
            }
        }
        if (!matches) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes), "does not match the "
                    + profile.name() + " result pattern"));
            return;
        }
        String data = m.group("data");
        if (data == null || data.isEmpty()) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes), "result without data"));
            return;
        }
        String symbology = group(m, "symbology").orElse("");
        Optional<Grades> grades;
        try {
            grades = group(m, "grade").map(g -> Grades.overallOnly(Grade.parse(g)));
        } catch (IllegalArgumentException e) {
            out.accept(new ReadResult.BadRead(clock.instant(), shown(bytes), e.getMessage()));
            return;
        }
        out.accept(new ReadResult.Read(data, symbology, grades, Optional.empty(), clock.instant(), trigger));
    }

    private static Optional<String> group(Matcher m, String name) {
        try {
            return Optional.ofNullable(m.group(name)).filter(g -> !g.isEmpty());
        } catch (IllegalArgumentException noSuchGroup) {
            return Optional.empty();
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
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
