package io.tracemark.verify;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A reader on a serial line (RS-232 / USB-serial), 8N1 at the given baud rate. */
public final class SerialScannerLink implements ScannerLink {

    private final String port;
    private final int baud;
    private volatile SerialPort serial;

    public SerialScannerLink(String port, int baud) {
        this.port = port;
        this.baud = baud;
    }

    @Override
    public String name() {
        return "serial://" + port + "?baud=" + baud;
    }

    @Override
    public void open() throws IOException {
        SerialPort p = SerialPort.getCommPort(port);
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        // blocking reads that wake up periodically so that close() is noticed
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 200, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + port + " (error " + p.getLastErrorCode() + ")");
        }
        serial = p;
    }

    @Override
    public InputStream input() {
        InputStream raw = serial.getInputStream();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (true) {
                    SerialPort p = serial;
                    if (p == null || !p.isOpen()) {
                        return -1;
                    }
                    int n = p.readBytes(b, len, off);
                    if (n > 0) {
                        return n;
                    }
                    if (n < 0) {
                        throw new IOException("serial port " + port + " read failed (error " + p.getLastErrorCode() + ")");
                    }
                }
            }
        };
    }

    @Override
    public OutputStream output() {
        return serial.getOutputStream();
    }

    @Override
    public void close() {
        SerialPort p = serial;
        if (p != null) {
            p.closePort();
        }
    }
}
