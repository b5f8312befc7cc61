package io.tracemark.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.tracemark.core.Problem;
import io.tracemark.core.StorageException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a code package as platforms hand them out, streaming, in memory bounded by the longest
 * line and never by the package size: a text file with one code per line, or a CSV file whose
 * header row has a {@code code} column (any case; other columns are ignored; quoted fields may
 * hold commas, quotes and newlines — read by jackson-dataformat-csv); UTF-8 with or without BOM,
 * CRLF or LF, blank lines ignored; or a zip holding exactly one such file, whose content may not
 * unzip to more than {@link #MAX_UNZIPPED} bytes. Every unreadable line is reported.
 */
public final class CodePackageReader {

    /** A zip entry larger than this is refused (a code package of 10 million codes is far smaller). */
    static final long MAX_UNZIPPED = 1L << 30;

    /** A line longer than this is reported and skipped without being held in memory. */
    static final int MAX_LINE = 64 * 1024;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final CsvMapper CSV = new CsvMapper(CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE).build()).build());

    private CodePackageReader() {
    }

    /**
     * Reads {@code file}, handing every code and every problem to {@code sink} in file order.
     *
     * @throws StorageException when the file cannot be read
     */
    static void read(Path file, PackageSink sink) {
        String name = file.getFileName().toString();
        try {
            if (isZip(file)) {
                readZip(file, name, sink);
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    readText(in, sink);
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot read code package " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        }
    }

    private static void readZip(Path file, String name, PackageSink sink) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            List<ZipEntry> files = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String entryName = entry.getName();
                if (!entry.isDirectory() && !entryName.startsWith("__MACOSX/") && !entryName.endsWith(".DS_Store")) {
                    files.add(entry);
                }
            }
            if (files.size() != 1) {
                sink.problem(new Problem("zip", name + " holds " + files.size() + " files "
                        + files.stream().map(ZipEntry::getName).toList() + "; a code package zip must hold exactly one"));
                return;
            }
            ZipEntry entry = files.get(0);
            try (InputStream in = new CappedInputStream(zip.getInputStream(entry), name + "!" + entry.getName())) {
                readText(in, sink);
            } catch (ZipBombException e) {
                sink.problem(new Problem("zip", e.getMessage()));
            }
        } catch (ZipException e) {
            sink.problem(new Problem("zip", name + " is not a readable zip: " + e.getMessage()));
        }
    }

    private static void readText(InputStream bytes, PackageSink sink) throws IOException {
        // malformed bytes become U+FFFD, which the line check below reports as "not UTF-8"
        Reader reader = new InputStreamReader(new BufferedInputStream(bytes, 1 << 16),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        LineReader lines = new LineReader(reader);
        for (LineReader.Line line; (line = lines.next()) != null; ) {
            String text = line.text().strip();
            if (line.tooLong()) {
                sink.problem(new Problem("line " + line.number(), "is longer than " + MAX_LINE + " characters"));
                continue;
            }
            if (text.isEmpty()) {
                continue;
            }
            int codeColumn = codeColumn(text);
            if (codeColumn >= 0) {
                readCsv(lines.remainder(), line.number(), codeColumn, sink);
                return;
            }
            emit(sink, line.number(), text);
            lines.forEachRemaining(rest -> {
                if (rest.tooLong()) {
                    sink.problem(new Problem("line " + rest.number(), "is longer than " + MAX_LINE + " characters"));
                } else if (!rest.text().isBlank()) {
                    emit(sink, rest.number(), rest.text().strip());
                }
            });
            return;
        }
    }

    /** The rows after the header line {@code headerLine}, read by the CSV library. */
    private static void readCsv(Reader rest, int headerLine, int codeColumn, PackageSink sink) throws IOException {
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(rest)) {
            JsonParser parser = rows.getParser();
            while (true) {
                String[] cells;
                int lineNo;
                try {
                    if (!rows.hasNextValue()) {
                        return;
                    }
                    lineNo = headerLine + parser.currentLocation().getLineNr();
                    cells = rows.nextValue();
                } catch (RuntimeException | IOException e) {
                    sink.problem(new Problem("line " + (headerLine + parser.currentLocation().getLineNr()),
                            "is not a readable CSV row: " + e.getMessage().lines().findFirst().orElse("")));
                    return;
                }
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (cells.length <= codeColumn) {
                    sink.problem(new Problem("line " + lineNo, "has " + cells.length + " column(s); the code is in column "
                            + (codeColumn + 1)));
                } else {
                    emit(sink, lineNo, cells[codeColumn].strip());
                }
            }
        }
    }

    private static void emit(PackageSink sink, int lineNo, String code) {
        if (code.indexOf('\uFFFD') >= 0) {
            sink.problem(new Problem("line " + lineNo, "is not UTF-8 text (malformed bytes)"));
        } else {
            sink.code(new CodeLine(lineNo, code));
        }
    }

    /** The index of the {@code code} column when {@code firstLine} is a CSV header, else -1. */
    static int codeColumn(String firstLine) {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(firstLine)) {
            String[] cells = it.hasNextValue() ? it.nextValue() : new String[0];
            for (int i = 0; i < cells.length; i++) {
                if (cells[i].strip().toLowerCase(Locale.ROOT).equals("code")) {
                    return i;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Thrown by {@link CappedInputStream} when an entry unzips past {@link #MAX_UNZIPPED}. */
    static final class ZipBombException extends IOException {
        ZipBombException(String message) {
            super(message);
        }
    }

    /** Counts the bytes an entry unzips to and refuses more than {@link #MAX_UNZIPPED}. */
    private static final class CappedInputStream extends FilterInputStream {
        private final String name;
        private long count;

        CappedInputStream(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws ZipBombException {
            count += n;
            if (count > MAX_UNZIPPED) {
                throw new ZipBombException(name + " unzips to more than " + MAX_UNZIPPED
                        + " bytes: refused as a zip bomb (a code package is far smaller)");
            }
        }
    }
}
