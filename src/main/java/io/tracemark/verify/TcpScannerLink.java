package io.tracemark.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A reader reached over TCP (DataMan port 23, Keyence port 9004, ...). */
public final class TcpScannerLink implements ScannerLink {

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private volatile Socket socket;

    public TcpScannerLink(String host, int port, int connectTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public String name() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        socket = s;
    }

    @Override
    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public void close() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing: nothing left to do
            }
        }
    }
}
