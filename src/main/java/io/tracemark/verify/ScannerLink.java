package io.tracemark.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte connection to a result-string reader (TCP, serial). A stand-in for the device package's
 * transport until the scanner is moved onto it. {@link #open()} is called once; {@link #close()}
 * unblocks a read in progress.
 */
public interface ScannerLink extends AutoCloseable {

    /** Where the link goes, e.g. {@code tcp://10.0.0.9:23}. */
    String name();

    /** Connects. @throws IOException when the device cannot be reached */
    void open() throws IOException;

    /** Bytes from the reader; read blocks until data arrives, returns -1 at end of stream. */
    InputStream input() throws IOException;

    /** Bytes to the reader (commands). */
    OutputStream output() throws IOException;

    @Override
    void close();
}
