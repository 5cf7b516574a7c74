package dev.warden.bench;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The least a servlet request and response can be, for calling the filter and the servlet without a container. Each
 * is a wrapper whose overridden methods do the work in plain Java; anything else reaches a proxy that throws, so a
 * method the filter starts to use shows up as a failed setup instead of a silently wrong benchmark.
 */
final class ServletFakes {

    private ServletFakes() {
    }

    /** A fresh request (attributes and body stream are per request) over {@code raw}, from 127.0.0.1. */
    static HttpServletRequest request(RawRequest raw) {
        return new Request(raw);
    }

    static Response response() {
        return new Response();
    }

    private static <T> T unsupported(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(ServletFakes.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException("fake " + type.getSimpleName() + "." + method.getName());
                }));
    }

    private static final HttpServletRequest NO_REQUEST = unsupported(HttpServletRequest.class);
    private static final HttpServletResponse NO_RESPONSE = unsupported(HttpServletResponse.class);

    private static final class Request extends HttpServletRequestWrapper {
        private final RawRequest raw;
        private final Map<String, Object> attributes = new HashMap<>();
        private ServletInputStream in;

        Request(RawRequest raw) {
            super(NO_REQUEST);
            this.raw = raw;
        }

        @Override public String getMethod() { return raw.method(); }
        @Override public String getRequestURI() { return raw.path(); }
        @Override public String getQueryString() { return raw.query(); }
        @Override public String getRemoteAddr() { return "127.0.0.1"; }
        @Override public boolean isSecure() { return false; }
        @Override public String getScheme() { return "http"; }
        @Override public String getHeader(String name) { return raw.header(name); }
        @Override public Object getAttribute(String name) { return attributes.get(name); }
        @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
        @Override public void removeAttribute(String name) { attributes.remove(name); }
        @Override public String getCharacterEncoding() { return null; }
        @Override public String getContentType() { return raw.header("content-type"); }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return Collections.enumeration(raw.headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(raw.headers().keySet());
        }

        @Override
        public long getContentLengthLong() {
            String length = raw.header("content-length");
            return length == null ? -1 : Long.parseLong(length);
        }

        @Override
        public int getContentLength() {
            return (int) getContentLengthLong();
        }

        @Override
        public ServletInputStream getInputStream() {
            if (in == null) {
                in = new BodyStream(raw.body());
            }
            return in;
        }
    }

    private static final class BodyStream extends ServletInputStream {
        private final ByteArrayInputStream body;

        BodyStream(byte[] bytes) {
            this.body = new ByteArrayInputStream(bytes);
        }

        @Override public int read() { return body.read(); }
        @Override public int read(byte[] b, int off, int len) { return body.read(b, off, len); }
        @Override public boolean isFinished() { return body.available() == 0; }
        @Override public boolean isReady() { return true; }
        @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
    }

    /** A response that keeps its status and counts the body bytes. */
    static final class Response extends HttpServletResponseWrapper {
        private int status = 200;
        private long written;
        private final ServletOutputStream out = new ServletOutputStream() {
            @Override public void write(int b) { written++; }
            @Override public void write(byte[] b, int off, int len) { written += len; }
            @Override public boolean isReady() { return true; }
            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };

        Response() {
            super(NO_RESPONSE);
        }

        @Override public void setStatus(int sc) { status = sc; }
        @Override public int getStatus() { return status; }
        @Override public void setContentType(String type) { }
        @Override public void setContentLength(int len) { }
        @Override public void setContentLengthLong(long len) { }
        @Override public void setCharacterEncoding(String charset) { }
        @Override public void setHeader(String name, String value) { }
        @Override public void addHeader(String name, String value) { }
        @Override public boolean isCommitted() { return false; }
        @Override public ServletOutputStream getOutputStream() { return out; }

        long written() {
            return written;
        }
    }
}
