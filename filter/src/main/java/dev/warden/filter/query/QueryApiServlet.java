package dev.warden.filter.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.sigv4.SigV4Verifier;
import dev.warden.core.auth.sigv4.SigningRegions;
import dev.warden.core.auth.sigv4.VerifiedRequest;
import dev.warden.core.iam.IamException;
import dev.warden.core.sts.CallerCredential;
import dev.warden.filter.SignedRequests;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IAM and STS Query-protocol endpoints over a {@link Warden}: what {@code aws --endpoint-url ... iam ...} and the
 * AWS SDKs' IAM and STS clients talk to. Each request is authenticated with SigV4 (the signature's credential scope
 * names the service: {@code iam} or {@code sts}), then run as the signer, whose every IAM call is itself authorized.
 * AssumeRoleWithWebIdentity is taken unsigned, as AWS takes it: its web identity token is the proof.
 * Any failure is AWS's {@code ErrorResponse} with AWS's code and status, never a stack trace; a failure while
 * authenticating is a denial, counted as {@code warden.authentications{result=failure}}.
 *
 * <p>Mount it at the root of its own port or context ({@code POST /}); it reads at most 1 MiB of form body.
 */
public final class QueryApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(QueryApiServlet.class);
    static final int MAX_BODY = 1 << 20;
    private static final String IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    /** What AWS STS answers unsigned: the caller proves who it is with a token from an identity provider. */
    private static final Set<String> UNSIGNED_ACTIONS = Set.of("AssumeRoleWithWebIdentity");

    private final transient Warden warden;
    private final transient SigV4Verifier<CallerCredential> verifier;
    private final transient MeterRegistry registry;
    private final transient Counter authenticated;

    /** Serves {@code warden}'s IAM and STS in {@code us-east-1}, recording meters in {@code registry}. */
    public QueryApiServlet(Warden warden, MeterRegistry registry) {
        this(warden, registry, SigningRegions.GLOBAL_SIGNING_REGION);
    }

    /**
     * Serves {@code warden}'s IAM and STS as an endpoint of {@code region}, recording meters in {@code registry}.
     * Requests must be signed as AWS's endpoints require (see {@link SigningRegions}): IAM for {@code us-east-1}, STS
     * for {@code region} or {@code us-east-1}; any other Region is refused with {@code SignatureDoesNotMatch}
     * "Credential should be scoped to a valid region".
     */
    public QueryApiServlet(Warden warden, MeterRegistry registry, String region) {
        this.warden = Objects.requireNonNull(warden, "warden");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.verifier = new SigV4Verifier<>(warden.credentials(), warden.clock(), SigningRegions.serving(region));
        this.authenticated = Counter.builder("warden.authentications").tag("result", "success")
                .tag("reason", "none").register(registry);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        Answer answer = answer(request, requestId);
        response.setStatus(answer.status());
        response.setContentType("text/xml;charset=UTF-8");
        response.setHeader("x-amzn-RequestId", requestId);
        byte[] bytes = answer.xml().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        Timer.builder("warden.endpoint.requests").tag("service", answer.service()).tag("status",
                Integer.toString(answer.status())).register(registry).record(System.nanoTime() - start,
                java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private record Answer(String service, int status, String xml) {
    }

    private Answer answer(HttpServletRequest request, String requestId) {
        if (!request.getMethod().equals("POST") && !request.getMethod().equals("GET")) {
            return error("iam", IAM_NAMESPACE, "InvalidAction", "The Query API answers POST and GET only.", 405, requestId);
        }
        byte[] body;
        try {
            body = body(request);
        } catch (IOException e) {
            return error("iam", IAM_NAMESPACE, "MalformedInput", e.getMessage(), 400, requestId);
        }
        if (body == null) {
            return error("iam", IAM_NAMESPACE, "RequestEntityTooLarge",
                    "Request body must be at most " + MAX_BODY + " bytes.", 413, requestId);
        }
        Map<String, String> params;
        try {
            String form = isForm(request) ? new String(body, StandardCharsets.UTF_8) : null;
            params = FormParameters.parse(request.getQueryString(), form);
        } catch (IllegalArgumentException e) {
            return error("iam", IAM_NAMESPACE, "MalformedQueryString", e.getMessage(), 400, requestId);
        }
        String action = params.remove("Action");
        params.remove("Version");
        String guessed = action != null && StsActions.contains(action) ? "sts" : "iam";
        if (action != null && UNSIGNED_ACTIONS.contains(action) && !SignedRequests.carriesAwsSignature(request)) {
            return unsigned(action, params, requestId);
        }
        VerifiedRequest<CallerCredential> verified;
        try {
            verified = verifier.verify(SignedRequests.from(request, body));
        } catch (AuthenticationException e) {
            Counter.builder("warden.authentications").tag("result", "failure")
                    .tag("reason", e.failure().name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
            LOG.info("request {} not authenticated: {} ({})", requestId, e.failure(), e.getMessage());
            return error(guessed, namespace(guessed), e.failure().code(false), e.getMessage(), e.failure().status(),
                    requestId);
        } catch (RuntimeException e) {
            Counter.builder("warden.authentications").tag("result", "failure").tag("reason", "internal")
                    .register(registry).increment();
            LOG.error("request {}: authentication failed unexpectedly; denied", requestId, e);
            return error(guessed, namespace(guessed), "InternalFailure", "The request could not be authenticated.",
                    500, requestId);
        }
        authenticated.increment();
        String service = verified.scope().service();
        // noted without waiting: the store is written later, at most once per key per 15 minutes
        warden.accessKeyUsage().record(verified.accessKeyId(), service, verified.scope().region());
        if (!service.equals("iam") && !service.equals("sts")) {
            return error(guessed, namespace(guessed), "InvalidAction",
                    "This endpoint serves IAM and STS; the request was signed for " + service + ".", 400, requestId);
        }
        if (action == null) {
            return error(service, namespace(service), "MissingAction", "Missing Action", 400, requestId);
        }
        CallerCredential credential = verified.credential();
        Caller caller = credential.caller();
        try {
            ObjectNode result = service.equals("iam")
                    ? warden.iam().call(caller, caller.principal().accountId(), action, params)
                    : warden.sts().call(caller, credential.session(), action, params);
            return new Answer(service, 200, QueryXml.response(action, namespace(service), result, requestId));
        } catch (IamException e) {
            return error(service, namespace(service), e.error().code(), e.getMessage(), e.error().httpStatus(),
                    requestId);
        } catch (IOException | RuntimeException e) {
            LOG.error("request {}: {} {} failed", requestId, service, action, e);
            return error(service, namespace(service), service.equals("iam") ? "ServiceFailure" : "InternalFailure",
                    "The request processing has failed because of an unknown error, exception or failure.", 500,
                    requestId);
        }
    }

    /**
     * An STS operation AWS takes without credentials (the web identity token is the proof), run for the anonymous
     * caller. A signed request for it is verified like any other.
     */
    private Answer unsigned(String action, Map<String, String> params, String requestId) {
        try {
            ObjectNode result = warden.sts().call(Caller.of(Principal.anonymous()), null, action, params);
            return new Answer("sts", 200, QueryXml.response(action, STS_NAMESPACE, result, requestId));
        } catch (IamException e) {
            return error("sts", STS_NAMESPACE, e.error().code(), e.getMessage(), e.error().httpStatus(), requestId);
        } catch (RuntimeException e) {
            LOG.error("request {}: sts {} failed", requestId, action, e);
            return error("sts", STS_NAMESPACE, "InternalFailure",
                    "The request processing has failed because of an unknown error, exception or failure.", 500,
                    requestId);
        }
    }

    private static Answer error(String service, String namespace, String code, String message, int status,
                                String requestId) {
        return new Answer(service, status, QueryXml.error(namespace, code, message, status, requestId));
    }

    private static String namespace(String service) {
        return service.equals("sts") ? STS_NAMESPACE : IAM_NAMESPACE;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The body, or {@code null} when it is larger than {@link #MAX_BODY}. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, (int) request.getContentLengthLong()));
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > MAX_BODY) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }
}
