package dev.warden.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 client connection for the load test: a plain socket kept alive, requests written as prepared bytes,
 * responses read just far enough to know the status and skip the body ({@code Content-Length} only, which is what
 * the servlet and the filter's error bodies send). Chosen over {@code java.net.http.HttpClient} because the client
 * shares the two cores with the server: a raw exchange costs the client a write and a read, not a request builder,
 * a body publisher, header maps and a selector thread hand-off, so more of the machine is left to the server being
 * measured.
 */
final class KeepAliveClient implements AutoCloseable {

    private final InetSocketAddress address;
    private final byte[] buffer = new byte[16 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int start;
    private int end;

    KeepAliveClient(InetSocketAddress address) {
        this.address = address;
    }

    /** Sends {@code request} and reads its response; returns the status. Reconnects if the connection was closed. */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        int headEnd = readHead();
        int status = (buffer[start + 9] - '0') * 100 + (buffer[start + 10] - '0') * 10 + (buffer[start + 11] - '0');
        long length = contentLength(start, headEnd);
        boolean close = header(start, headEnd, "connection: close");
        start = headEnd;
        skip(length);
        if (close) {
            close();
        }
        return status;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5_000);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        start = 0;
        end = 0;
    }

    /** Reads until the buffer holds a whole response head from {@code start}; returns the index after its CRLFCRLF. */
    private int readHead() throws IOException {
        while (true) {
            for (int i = start; i + 3 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i + 4;
                }
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                throw new IOException("response head larger than " + buffer.length + " bytes");
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            end += n;
        }
    }

    private void skip(long length) throws IOException {
        long buffered = Math.min(length, end - start);
        start += (int) buffered;
        long left = length - buffered;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("connection closed in a response body");
            }
            left -= n;
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    private long contentLength(int from, int to) {
        String head = new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
        int at = indexOfIgnoreCase(head, "\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int valueStart = at + "\r\ncontent-length:".length();
        return Long.parseLong(head.substring(valueStart, head.indexOf('\r', valueStart)).trim());
    }

    private boolean header(int from, int to, String line) {
        return indexOfIgnoreCase(new String(buffer, from, to - from, StandardCharsets.ISO_8859_1), "\r\n" + line) >= 0;
    }

    private static int indexOfIgnoreCase(String text, String lowerCase) {
        for (int i = 0; i + lowerCase.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, lowerCase, 0, lowerCase.length())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
