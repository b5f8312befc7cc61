package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeImportTest {

    @TempDir
    Path dir;

    private Database db;
    private CodeLedger ledger;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        ledger = new CodeLedger(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportOutcome importText(String name, String text) throws IOException {
        return importBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private ImportOutcome importBytes(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return ledger.importFile(file, "tm", Ledgers.TM_CODES, Ledgers.ACTOR);
    }

    private InvalidInputException refused(String name, String text) {
        return refused(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private InvalidInputException refused(String name, byte[] bytes) {
        String before = Ledgers.snapshot(db);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> importBytes(name, bytes));
        assertEquals(before, Ledgers.snapshot(db), "a refused package must change nothing");
        return e;
    }

    @Test
    void plainTextWithBomCrlfAndBlankLines() throws IOException {
        ImportOutcome outcome = importText("a.txt", "\uFEFFTM000001\r\n\r\nTM000002\r\n  TM000003  \r\n\n");
        ImportOutcome.Imported imported = assertInstanceOf(ImportOutcome.Imported.class, outcome);
        assertEquals(3, imported.count());
        assertEquals("tm", imported.scheme());
        assertEquals(3, ledger.countCodes(CodeState.AVAILABLE));
        assertEquals(Optional.of(CodeState.AVAILABLE), ledger.codeState("TM000001"));
        assertEquals(1, db.count("SELECT count(*) FROM code_packages WHERE code_count = 3 AND file_name = 'a.txt'"));
        assertTrue(ledger.audit().verify().intact());
    }

    @Test
    void csvWithACodeColumnInAnyCaseAndPosition() throws IOException {
        ImportOutcome outcome = importText("b.csv", "\uFEFFserial,CODE,batch\n1,TM000010,L1\n2,\"TM000011\",\"L,2\"\n\n3,TM000012,L3");
        assertEquals(3, outcome.count());
        assertEquals(Optional.of(CodeState.AVAILABLE), ledger.codeState("TM000011"));
    }

    @Test
    void aZipHoldingOneFile() throws IOException {
        byte[] zip = zip(List.of("codes.csv"), List.of("code\r\nTM000020\r\nTM000021\r\n"));
        assertEquals(2, importBytes("pkg.zip", zip).count());
        assertEquals(2, ledger.countCodes(CodeState.AVAILABLE));
    }

    @Test
    void reimportingTheSamePackageChangesNothing() throws IOException {
        ImportOutcome.Imported first = assertInstanceOf(ImportOutcome.Imported.class, importText("a.txt", "TM000001\nTM000002\n"));
        String before = Ledgers.snapshot(db);
        ImportOutcome again = importText("renamed.txt", "TM000001\nTM000002\n");
        ImportOutcome.AlreadyImported already = assertInstanceOf(ImportOutcome.AlreadyImported.class, again);
        assertEquals(first.packageId(), already.packageId());
        assertEquals("a.txt", already.source());
        assertEquals(first.sha256(), already.sha256());
        assertEquals(before, Ledgers.snapshot(db));
    }

    @Test
    void everyBadLineIsListedAndNothingIsImported() {
        InvalidInputException e = refused("bad.txt", "TM000001\nXX12\nTM000002\nTM00000\nTM000001\nTM00 003\n");
        assertEquals(List.of(
                new Problem("line 2", "not a TM code (TM and 6 digits)"),
                new Problem("line 4", "not a TM code (TM and 6 digits)"),
                new Problem("line 5", "duplicate of line 1 (TM000001)"),
                new Problem("line 6", "contains white space U+0020 at position 5")), e.problems());
        assertEquals(0, db.count("SELECT count(*) FROM codes"));
    }

    @Test
    void aCodeAlreadyInTheLedgerIsADuplicate() throws IOException {
        importText("first.txt", "TM000001\nTM000002\n");
        InvalidInputException e = refused("second.txt", "TM000003\nTM000002\nTM000004\n");
        assertEquals(List.of(new Problem("line 2", "already in ledger (TM000002)")), e.problems());
        assertEquals(Optional.empty(), ledger.codeState("TM000003"));
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRefused() {
        assertEquals(List.of(new Problem("file", "holds no codes")), refused("empty.txt", "").problems());
        assertEquals(List.of(new Problem("file", "holds no codes")), refused("blank.txt", "\r\n \n\n").problems());
        assertEquals(List.of(new Problem("file", "holds no codes")), refused("header.csv", "code,batch\n").problems());
    }

    @Test
    void binaryGarbageIsRefusedLineByLine() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        InvalidInputException e = refused("garbage.bin", garbage);
        assertTrue(e.problems().size() >= 1);
        assertTrue(e.problems().stream().allMatch(p -> p.where().startsWith("line ") || p.where().equals("total")),
                e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("not UTF-8")), e.getMessage());

        InvalidInputException nul = refused("nul.txt", "TM000001\nTM0\u0000001\n");
        assertEquals(List.of(new Problem("line 2", "contains control character U+0000 at position 4")), nul.problems());
    }

    @Test
    void aCsvWithoutACodeColumnIsExplained() {
        InvalidInputException e = refused("wrong.csv", "serial,gtin\n1,TM000001\n");
        assertEquals(new Problem("line 1", "not a TM code (TM and 6 digits); read as a CSV header it has no 'code' column"),
                e.problems().get(0));
        InvalidInputException shortRow = refused("short.csv", "batch,code\nL1,TM000001\nL2\n");
        assertEquals(List.of(new Problem("line 3", "has 1 column(s); the code is in column 2")), shortRow.problems());
    }

    @Test
    void zipsHoldingNoneOrSeveralFilesOrBrokenDataAreRefused() throws IOException {
        InvalidInputException two = refused("two.zip", zip(List.of("a.txt", "b.txt"), List.of("TM000001\n", "TM000002\n")));
        assertTrue(two.getMessage().contains("holds 2 files [a.txt, b.txt]"), two.getMessage());
        byte[] broken = zip(List.of("a.txt"), List.of("TM000001\n".repeat(1)));
        byte[] truncated = java.util.Arrays.copyOf(broken, 20);
        InvalidInputException bad = refused("broken.zip", truncated);
        assertEquals("zip", bad.problems().get(0).where());
    }

    @Test
    void longListsAreCutButTheTotalIsReported() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            text.append("bad").append(i).append('\n');
        }
        InvalidInputException e = refused("many.txt", text.toString());
        assertEquals(CodeImporter.MAX_LISTED + 1, e.problems().size());
        assertEquals(new Problem("total", "250 bad lines, the first 100 listed"), e.problems().get(100));
        assertEquals("line 1", e.problems().get(0).where());
    }

    @Test
    void platformRangesFollowTheSameRules() {
        ImportOutcome ok = ledger.importCodes(Ledgers.codes(1, 5), "platform range 1-5", "tm", Ledgers.TM_CODES, "platform");
        assertEquals(5, ok.count());
        assertInstanceOf(ImportOutcome.AlreadyImported.class,
                ledger.importCodes(Ledgers.codes(1, 5), "platform range 1-5 again", "tm", Ledgers.TM_CODES, "platform"));
        String before = Ledgers.snapshot(db);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ledger.importCodes(
                List.of("TM000100", "TM000003", "nope"), "range 2", "tm", Ledgers.TM_CODES, "platform"));
        assertEquals(List.of(new Problem("line 2", "already in ledger (TM000003)"),
                new Problem("line 3", "not a TM code (TM and 6 digits)")), e.problems());
        assertEquals(before, Ledgers.snapshot(db));
    }

    @Test
    void csvWithQuotedFieldsIsReadByTheCsvLibrary() throws IOException {
        String csv = "\uFEFFbatch,code,note\r\n\"L1, north\",TM000031,\"said \"\"fine\"\"\"\r\n"
                + "L2,TM000032,\"two\nlines\"\r\n\r\nL3,\"TM000033\",\n";
        assertEquals(3, importText("quoted.csv", csv).count());
        assertEquals(Optional.of(io.tracemark.core.CodeState.AVAILABLE), ledger.codeState("TM000033"));
        InvalidInputException e = refused("quoted-bad.csv", "code,note\nTM000041,\"a\nb\"\nTM00004X,c\n");
        assertEquals(List.of(new Problem("line 4", "not a TM code (TM and 6 digits)")), e.problems(),
                "the line number counts the newline inside the quotes");
    }

    @Test
    void anEndlessLineIsReportedWithoutBeingHeld() {
        InvalidInputException e = refused("long.txt", "TM000001\n" + "9".repeat(CodePackageReader.MAX_LINE + 10) + "\n");
        assertEquals(List.of(new Problem("line 2", "is longer than " + CodePackageReader.MAX_LINE + " characters")),
                e.problems());
    }

    @Test
    void duplicatesAcrossBatchesNameTheFirstLine() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ImportBatches.BATCH + 5; i++) {
            text.append(String.format("TM%06d%n", i));
        }
        text.append("TM000007\n");
        InvalidInputException e = refused("dup.txt", text.toString());
        assertEquals(List.of(new Problem("line " + (ImportBatches.BATCH + 6), "duplicate of line 8 (TM000007)")),
                e.problems());
        assertEquals(0, db.count("SELECT count(*) FROM codes"));
    }

    static byte[] zip(List<String> names, List<String> contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(contents.get(i).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
