package io.tracemark.ledger;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Lines of a text ended by LF, CRLF or CR (a leading BOM dropped), each held only up to
 * {@link CodePackageReader#MAX_LINE} characters: a longer line is reported as too long and skipped,
 * so one endless line (a zip bomb of a single character) never fills the heap. Buffers on its own;
 * {@link #remainder()} hands on the rest of the text after the lines read so far.
 */
final class LineReader {

    /** One line; {@code text} is empty when {@code tooLong}. */
    record Line(int number, String text, boolean tooLong) {
    }

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int end;
    private int number;
    private boolean started;

    LineReader(Reader in) {
        this.in = in;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        if (!fill()) {
            return null;
        }
        if (!started) {
            started = true;
            if (buf[pos] == '\uFEFF') {
                pos++;
            }
        }
        line.setLength(0);
        boolean tooLong = false;
        while (fill()) {
            int from = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int room = CodePackageReader.MAX_LINE - line.length();
            if (pos - from > room) {
                tooLong = true;
                line.append(buf, from, Math.max(0, room));
            } else {
                line.append(buf, from, pos - from);
            }
            if (pos < end) {
                char eol = buf[pos++];
                if (eol == '\r' && fill() && buf[pos] == '\n') {
                    pos++;
                }
                break;
            }
        }
        number++;
        return new Line(number, tooLong ? "" : line.toString(), tooLong);
    }

    /** Hands every remaining line to {@code action}. */
    void forEachRemaining(Consumer<Line> action) throws IOException {
        for (Line l; (l = next()) != null; ) {
            action.accept(l);
        }
    }

    /** The text after the lines read so far: what is buffered, then the rest of the reader. */
    Reader remainder() {
        return new Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                if (pos < end) {
                    int n = Math.min(len, end - pos);
                    System.arraycopy(buf, pos, cbuf, off, n);
                    pos += n;
                    return n;
                }
                return in.read(cbuf, off, len);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private boolean fill() throws IOException {
        while (pos >= end) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return false;
            }
            pos = 0;
            end = n;
        }
        return true;
    }
}
