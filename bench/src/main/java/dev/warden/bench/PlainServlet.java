package dev.warden.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The application behind the filter in the filter benchmarks, as cheap as a servlet gets so that the difference
 * between the open and the guarded mount is the filter: 200 with a 3-byte body; a PUT reads its whole body first
 * (through a reused buffer, so the read itself allocates nothing), which is when the guarded mount checks the
 * payload's hash.
 */
final class PlainServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("PUT".equals(request.getMethod())) {
            byte[] buffer = new byte[8192];
            try (InputStream in = request.getInputStream()) {
                while (in.read(buffer) >= 0) {
                    // drained: the body counts only once it has been read to the end
                }
            }
        }
        response.setStatus(200);
        response.setContentType("text/plain");
        response.setContentLength(OK.length);
        OutputStream out = response.getOutputStream();
        out.write(OK);
    }
}
