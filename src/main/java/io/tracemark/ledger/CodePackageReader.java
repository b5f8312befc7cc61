package io.tracemark.ledger;

import io.tracemark.core.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a code package as platforms hand them out: a text file with one code per line, or a CSV
 * file whose header row has a {@code code} column (any case; other columns are ignored); UTF-8
 * with or without BOM, CRLF or LF, blank lines ignored; or a zip holding exactly one such file.
 * Every unreadable line is reported, not only the first.
 */
public final class CodePackageReader {

    /** A zip entry larger than this is refused (a code package of 10 million codes is far smaller). */
    static final long MAX_UNZIPPED = 1L << 30;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private CodePackageReader() {
    }

    /** Reads a package from its bytes; {@code name} is only used in messages. */
    public static PackageContent read(String name, byte[] bytes) {
        if (startsWith(bytes, ZIP_MAGIC)) {
            return readZip(name, bytes);
        }
        return readText(bytes);
    }

    private static PackageContent readZip(String name, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        byte[] content = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String entryName = entry.getName();
                if (entry.isDirectory() || entryName.startsWith("__MACOSX/") || entryName.endsWith(".DS_Store")) {
                    continue;
                }
                names.add(entryName);
                content = readCapped(zip, entryName);
            }
        } catch (IOException | IllegalArgumentException e) {
            return new PackageContent(List.of(), List.of(new Problem("zip", name + " is not a readable zip: " + e.getMessage())));
        }
        if (names.size() != 1) {
            problems.add(new Problem("zip", name + " holds " + names.size() + " files " + names
                    + "; a code package zip must hold exactly one"));
            return new PackageContent(List.of(), problems);
        }
        return readText(content);
    }

    private static byte[] readCapped(ZipInputStream zip, String entryName) throws IOException {
        byte[] data = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNZIPPED + 1));
        if (data.length > MAX_UNZIPPED) {
            throw new IOException("entry " + entryName + " unzips to more than " + MAX_UNZIPPED + " bytes");
        }
        return data;
    }

    private static PackageContent readText(byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        List<String> rawLines = decodeLines(bytes, problems);
        List<CodeLine> lines = new ArrayList<>(rawLines.size());
        int codeColumn = -1;
        boolean headerSeen = false;
        for (int i = 0; i < rawLines.size(); i++) {
            String text = rawLines.get(i);
            if (text == null) {
                continue; // undecodable, already reported
            }
            if (i == 0 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            text = text.strip();
            if (text.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            if (!headerSeen) {
                headerSeen = true;
                codeColumn = codeColumn(text);
                if (codeColumn >= 0) {
                    continue; // the header row
                }
            }
            if (codeColumn < 0) {
                lines.add(new CodeLine(lineNo, text));
                continue;
            }
            List<String> cells = Csv.split(text);
            if (cells.size() <= codeColumn) {
                problems.add(new Problem("line " + lineNo, "has " + cells.size() + " column(s); the code is in column "
                        + (codeColumn + 1)));
            } else {
                lines.add(new CodeLine(lineNo, cells.get(codeColumn).strip()));
            }
        }
        return new PackageContent(lines, problems);
    }

    /** The index of the {@code code} column when {@code firstLine} is a CSV header, else -1. */
    static int codeColumn(String firstLine) {
        List<String> cells = Csv.split(firstLine);
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).strip().toLowerCase(Locale.ROOT).equals("code")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Splits on LF (a UTF-8 multi-byte sequence never holds the byte 0x0A), drops a trailing CR,
     * and decodes each line strictly; an undecodable line is reported and left as null.
     */
    private static List<String> decodeLines(byte[] bytes, List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') {
                continue;
            }
            int end = i;
            if (end > start && bytes[end - 1] == '\r') {
                end--;
            }
            if (i == bytes.length && start == bytes.length) {
                break; // no content after the last newline
            }
            lines.add(decode(decoder, bytes, start, end, lines.size() + 1, problems));
            start = i + 1;
        }
        return lines;
    }

    private static String decode(CharsetDecoder decoder, byte[] bytes, int start, int end, int lineNo,
                                 List<Problem> problems) {
        boolean ascii = true;
        for (int i = start; i < end && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, start, end - start));
            return chars.toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem("line " + lineNo, "is not UTF-8 text (" + e.getMessage() + ")"));
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
