package io.tracemark.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virtual printer on the wire, without the driver: raw ZPL over a socket. */
class VirtualPrinterTest {

    private static String hs(Socket s) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write("~HS".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder reply = new StringBuilder();
        int etx = 0;
        while (etx < 3) {
            int c = in.read();
            reply.append((char) c);
            if (c == 3) {
                etx++;
            }
        }
        in.readNBytes(2);
        return reply.toString();
    }

    @Test
    void reprintsALabelCutShortByPaperOutUnlessJzn() throws Exception {
        assertEquals(3, printedAfterPaperOutAndReload(""), "^JZY (factory default): label 2 printed again");
        assertEquals(2, printedAfterPaperOutAndReload("^XA^JZN^XZ"), "^JZN: no reprint");
    }

    private long printedAfterPaperOutAndReload(String setup) throws Exception {
        try (VirtualPrinter vp = new VirtualPrinter(VirtualPrinter.Settings.instant(ZplPrinterOverTcpTest.PROFILE)
                .withFaults(FaultPlan.parse("paperOutAt=2")));
             Socket s = new Socket("127.0.0.1", vp.start())) {
            OutputStream out = s.getOutputStream();
            out.write((setup + "^XA^FDone^FS^XZ^XA^FDtwo^FS^XZ").getBytes(StandardCharsets.US_ASCII));
            String status;
            do {
                status = hs(s);
            } while (!status.startsWith("\u0002" + status.substring(1, 4) + ",1"));
            assertTrue(vp.hostStatus().paperOut());
            CountDownLatch reprinted = new CountDownLatch(1);
            vp.addListener(l -> reprinted.countDown());
            vp.clearFault();
            boolean more = reprinted.await(setup.isEmpty() ? 5 : 0, TimeUnit.SECONDS);
            hs(s);
            assertEquals(setup.isEmpty(), more);
            return vp.printedCount();
        }
    }

    @Test
    void rendersStoredFormatsDamagesPlannedLabelsAndWritesPng(@TempDir Path dir) throws Exception {
        List<PrintedLabel> labels = new CopyOnWriteArrayList<>();
        CountDownLatch four = new CountDownLatch(4);
        try (VirtualPrinter vp = new VirtualPrinter(VirtualPrinter.Settings.instant(ZplPrinterOverTcpTest.PROFILE)
                .withFaults(FaultPlan.parse("smearEvery=2,partialEvery=3,seed=7")).withOutDir(dir));
             Socket s = new Socket("127.0.0.1", vp.start())) {
            vp.addListener(l -> {
                labels.add(l);
                four.countDown();
            });
            OutputStream out = s.getOutputStream();
            out.write("^XA^DFR:X.ZPL^FS^FO10,10^A0N,40,40^FN1^FS^XZ".getBytes(StandardCharsets.US_ASCII));
            for (int i = 1; i <= 4; i++) {
                out.write(("^XA^XFR:X.ZPL^FS^FN1^FDLABEL" + i + "^FS^XZ").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            assertTrue(four.await(5, TimeUnit.SECONDS));
            assertEquals(List.of(new FaultKindAt(2, FaultKind.SMEAR), new FaultKindAt(3, FaultKind.PARTIAL),
                    new FaultKindAt(4, FaultKind.SMEAR)), vp.faultLog().stream()
                    .map(f -> new FaultKindAt(f.seq(), f.kind())).toList());
            BufferedImage clean = labels.get(0).image().get();
            assertEquals(ZplPrinterOverTcpTest.PROFILE.printWidthDots(), clean.getWidth());
            assertNotEquals(ink(clean), ink(labels.get(1).image().get()), "smear adds ink");
            assertTrue(Files.exists(dir.resolve("label-000004.png")));
        }
    }

    private record FaultKindAt(long seq, FaultKind kind) {
    }

    private static long ink(BufferedImage image) {
        long black = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    black++;
                }
            }
        }
        return black;
    }
}
