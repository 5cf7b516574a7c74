package dev.warden.filter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@link HttpServletResponse} that keeps the status, headers and body written to it, for tests of the filter. */
final class FakeHttpResponse {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int status = 200;

    HttpServletResponse build() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status = (int) args[0];
                        yield null;
                    }
                    case "setHeader", "addHeader" -> {
                        headers.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "setContentType" -> {
                        headers.put("Content-Type", (String) args[0]);
                        yield null;
                    }
                    case "setContentLength", "reset" -> null;
                    case "isCommitted" -> false;
                    case "getOutputStream" -> out;
                    case "toString" -> "FakeHttpResponse";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    int status() {
        return status;
    }

    String body() {
        return body.toString(StandardCharsets.UTF_8);
    }
}
