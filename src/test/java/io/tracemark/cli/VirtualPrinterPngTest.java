package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code virtual-printer --out DIR} writes labels drawn by the real ZPL rasterizer: their barcodes decode. */
class VirtualPrinterPngTest {

    @Test
    void labelPngsHoldBarcodesThatDecode(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int chosen = port;
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> {
            CommandLine cl = new CommandLine(new Main());
            cl.setErr(new PrintWriter(err));
            return cl.execute("virtual-printer", "--port", String.valueOf(chosen), "--out", dir.toString(),
                    "--max-labels", "2");
        });
        String zpl = "^XA^FO40,40^BXN,8,200^FDTM-DEMO-000123^FS^FO40,400^A0N,30,30^FDdata matrix^FS^XZ"
                + "^XA^FO60,60^BQN,2,6^FDQA,https://id.example/01/06901234000016/21/0000000042^FS^XZ";
        try (Socket s = connect(chosen, server)) {
            s.getOutputStream().write(zpl.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertEquals(0, server.get(20, TimeUnit.SECONDS), err.toString());
        }
        assertEquals("TM-DEMO-000123", decode(dir.resolve("label-000001.png")).getText());
        assertEquals("https://id.example/01/06901234000016/21/0000000042", decode(dir.resolve("label-000002.png")).getText());
    }

    /** Decodes the symbol in the label's top-left 300×300 dots, where the ZPL put it (ZXing's Data Matrix detector needs the region). */
    private static Result decode(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile()).getSubimage(0, 0, 300, 300);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }

    /** Connects once the command listens (it binds in its own thread), or fails with the command's error. */
    private static Socket connect(int port, CompletableFuture<Integer> server) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return new Socket("127.0.0.1", port);
            } catch (IOException notYet) {
                if (server.isDone() || System.nanoTime() > deadline) {
                    throw new AssertionError("virtual-printer did not listen on " + port + " (exit " + server.getNow(null) + ")", notYet);
                }
                try {
                    server.get(20, TimeUnit.MILLISECONDS); // waits a little, or ends early with the command
                } catch (TimeoutException stillStarting) {
                    // not listening yet
                }
            }
        }
    }
}
