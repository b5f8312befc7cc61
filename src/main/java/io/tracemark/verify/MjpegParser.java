package io.tracemark.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the parts of a {@code multipart/x-mixed-replace} stream (MJPEG): a boundary line, headers,
 * a blank line, then the body, sized by Content-Length when present or else ending at the next
 * boundary. Header lines and bodies are bounded in size; oversize input is an IOException.
 */
final class MjpegParser {

    private static final int MAX_HEADER_LINE = 1024;
    private static final int MAX_PART = 16 * 1024 * 1024;

    private final InputStream in;
    private final byte[] boundary;
    private boolean pastFirstBoundary;

    /** @param boundary the boundary from the Content-Type header, without the leading dashes */
    MjpegParser(InputStream in, String boundary) {
        this.in = in;
        String b = boundary.startsWith("--") ? boundary : "--" + boundary;
        this.boundary = b.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The boundary in a Content-Type such as {@code multipart/x-mixed-replace; boundary=frame}. */
    static Optional<String> boundaryOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                return Optional.of(p.substring("boundary=".length()).replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    /** The next part's body, or empty at the end of the stream. */
    Optional<byte[]> next() throws IOException {
        if (!pastFirstBoundary) {
            String line;
            do {
                line = readLine();
                if (line == null) {
                    return Optional.empty();
                }
            } while (!line.startsWith(new String(boundary, StandardCharsets.ISO_8859_1)));
            pastFirstBoundary = true;
        }
        int length = -1;
        String header;
        while ((header = readLine()) != null && !header.isEmpty()) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                try {
                    length = Integer.parseInt(header.substring(15).trim());
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length '" + header + "'");
                }
                if (length < 0 || length > MAX_PART) {
                    throw new IOException("part of " + length + " bytes exceeds " + MAX_PART);
                }
            }
        }
        if (header == null) {
            return Optional.empty();
        }
        byte[] body = length >= 0 ? readExactly(length) : readToBoundary();
        if (body == null) {
            return Optional.empty();
        }
        if (length >= 0) {
            skipToBoundary();
        }
        return Optional.of(body);
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] body = in.readNBytes(length);
        return body.length == length ? body : null;
    }

    private void skipToBoundary() throws IOException {
        String line;
        while ((line = readLine()) != null) {
            if (line.startsWith(new String(boundary, StandardCharsets.ISO_8859_1))) {
                return;
            }
        }
    }

    private byte[] readToBoundary() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] marker = ("\r\n" + new String(boundary, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            body.write(b);
            matched = b == marker[matched] ? matched + 1 : (b == marker[0] ? 1 : 0);
            if (matched == marker.length) {
                readLine();
                byte[] all = body.toByteArray();
                return java.util.Arrays.copyOf(all, all.length - marker.length);
            }
            if (body.size() > MAX_PART) {
                throw new IOException("part exceeds " + MAX_PART + " bytes without a boundary");
            }
        }
        return null;
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) b);
            if (sb.length() > MAX_HEADER_LINE) {
                throw new IOException("line longer than " + MAX_HEADER_LINE + " bytes in MJPEG stream");
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
