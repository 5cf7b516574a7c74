package dev.warden.filter.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.IamException;
import dev.warden.core.sts.TemporaryCredentials;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container credentials endpoint of the AWS SDKs (what ECS serves to tasks): a workload configured with
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:P/...} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN=T}
 * gets, on every call, new temporary credentials of its role, which the SDK renews before they expire. The role's
 * trust policy must allow the workload's service principal (default {@code ecs-tasks.amazonaws.com}); attaching a role
 * to a workload is passing it to that service, so {@link Builder#workload} checks {@code iam:PassRole}.
 */
public final class ContainerCredentialsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ContainerCredentialsServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The service principal ECS assumes task roles as. */
    public static final String DEFAULT_SERVICE = "ecs-tasks.amazonaws.com";

    /** A workload: its name (the role session's), role and the service that assumes the role for it. */
    public record Workload(String name, String roleArn, String service) {
    }

    private record Entry(byte[] tokenHash, Workload workload) {
    }

    private final transient Warden warden;
    private final transient List<Entry> workloads;
    private final int sessionSeconds;

    private ContainerCredentialsServlet(Builder b) {
        this.warden = b.warden;
        this.workloads = List.copyOf(b.entries);
        this.sessionSeconds = (int) b.sessionLength.getSeconds();
    }

    /** Starts configuring the endpoint over {@code warden}. */
    public static Builder builder(Warden warden) {
        return new Builder(warden);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Workload workload = workload(request.getHeader("Authorization"));
        if (workload == null) {
            answer(response, 401, error("AccessDenied", "The authorization token is missing or not known."));
            return;
        }
        try {
            TemporaryCredentials credentials = warden.workloads().credentials(workload.service(), workload.roleArn(),
                    workload.name(), sessionSeconds);
            ObjectNode body = JSON.createObjectNode();
            body.put("AccessKeyId", credentials.accessKeyId());
            body.put("SecretAccessKey", credentials.secretAccessKey());
            body.put("Token", credentials.sessionToken());
            body.put("Expiration", credentials.expiration().toString());
            body.put("RoleArn", workload.roleArn());
            answer(response, 200, body);
        } catch (IamException e) {
            LOG.warn("no credentials for workload {}: {}", workload.name(), e.getMessage());
            answer(response, e.error().httpStatus(), error(e.error().code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("credentials for workload {} failed", workload.name(), e);
            answer(response, 500, error("InternalFailure", "The credentials could not be issued."));
        }
    }

    /** The workload whose token {@code presented} is, compared in constant time. */
    private Workload workload(String presented) {
        if (presented == null || presented.isEmpty()) {
            return null;
        }
        byte[] hash = sha256(presented);
        Workload found = null;
        for (Entry entry : workloads) {
            if (MessageDigest.isEqual(entry.tokenHash(), hash) && found == null) {
                found = entry.workload();
            }
        }
        return found;
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message);
    }

    private static void answer(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Configures a {@link ContainerCredentialsServlet}. Not thread-safe. */
    public static final class Builder {

        private final Warden warden;
        private final List<Entry> entries = new ArrayList<>();
        private Duration sessionLength = Duration.ofHours(1);

        private Builder(Warden warden) {
            this.warden = Objects.requireNonNull(warden, "warden");
        }

        /**
         * Serves workload {@code name} the credentials of {@code roleArn}, assumed by {@code service}, to callers
         * presenting {@code token}; {@code configuredBy} hands the role to the service, so it must be allowed
         * {@code iam:PassRole} on it with {@code iam:PassedToService} = {@code service}.
         *
         * @throws IamException {@code AccessDenied} when {@code configuredBy} may not pass the role
         * @throws IllegalArgumentException for a token shorter than 32 characters or used twice
         */
        public Builder workload(Caller configuredBy, String token, String name, String roleArn, String service)
                throws IamException {
            if (token == null || token.length() < 32) {
                throw new IllegalArgumentException("a workload token must have at least 32 characters");
            }
            byte[] hash = sha256(token);
            if (entries.stream().anyMatch(e -> MessageDigest.isEqual(e.tokenHash(), hash))) {
                throw new IllegalArgumentException("workload " + name + " reuses another workload's token");
            }
            warden.passRole().check(configuredBy, roleArn, service);
            entries.add(new Entry(hash, new Workload(name, roleArn, service)));
            return this;
        }

        /** How long each set of credentials lasts (default 1 hour; 15 minutes at least). */
        public Builder sessionLength(Duration length) {
            if (length.compareTo(Duration.ofMinutes(15)) < 0) {
                throw new IllegalArgumentException("sessions last at least 15 minutes");
            }
            this.sessionLength = length;
            return this;
        }

        public ContainerCredentialsServlet build() {
            return new ContainerCredentialsServlet(this);
        }
    }
}
