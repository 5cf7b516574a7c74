package dev.warden.filter.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Health;
import dev.warden.core.Warden;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code GET /healthz}: {@link Warden#health()} as JSON, answered {@code 200} while the Warden can decide
 * ({@code ok}, or {@code degraded}: some store documents cannot be used, and only the principals they touch are
 * denied) and {@code 503} while it is {@code failing} (its store cannot be read), as load balancers expect:
 *
 * <pre>
 * {"status": "degraded",
 *  "store": {"readable": true, "writable": true},
 *  "unreadableDocuments": [{"path": "accounts/111122223333/groups/ops.json", "pointer": "/",
 *                           "reason": "invalid JSON: ...", "principalsDenied": true}],
 *  "lastReloadFailure": {"at": "2026-12-01T10:00:00Z", "message": "accounts/... at /: invalid JSON: ..."},
 *  "decisionErrors": 3}
 * </pre>
 *
 * <p>No credentials are needed (map it on a public route) and no secret is shown; store paths and IAM names are, so
 * serve it where only operators and load balancers reach it if names are sensitive.
 */
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient Warden warden;

    public HealthServlet(Warden warden) {
        this.warden = Objects.requireNonNull(warden, "warden");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Health health = warden.health();
        byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json(health));
        response.setStatus(health.status() == Health.Status.FAILING ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                : HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length + 1);
        response.getOutputStream().write(body);
        response.getOutputStream().write('\n');
    }

    static ObjectNode json(Health health) {
        ObjectNode out = JSON.createObjectNode();
        out.put("status", health.status().label());
        ObjectNode store = out.putObject("store");
        store.put("readable", health.storeReadable());
        store.put("writable", health.storeWritable());
        failure(store, "readFailure", health.storeReadFailure());
        var documents = out.putArray("unreadableDocuments");
        for (Health.UnreadableDocument document : health.unreadableDocuments()) {
            documents.addObject().put("path", document.path()).put("pointer", document.pointer())
                    .put("reason", document.reason()).put("principalsDenied", document.principalsDenied());
        }
        failure(out, "lastReloadFailure", health.lastReloadFailure());
        out.put("decisionErrors", health.decisionErrors());
        return out;
    }

    private static void failure(ObjectNode parent, String name, Health.Failure failure) {
        if (failure != null) {
            parent.putObject(name).put("at", failure.at().toString()).put("message", failure.message());
        }
    }
}
