package dev.warden.filter;

import dev.warden.core.Warden;
import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.sigv4.PayloadRejectedException;
import dev.warden.core.auth.sigv4.SigV4Verifier;
import dev.warden.core.auth.sigv4.SigningRegions;
import dev.warden.core.auth.sigv4.SignedRequest;
import dev.warden.core.auth.sigv4.SigningInput;
import dev.warden.core.auth.sigv4.VerifiedRequest;
import dev.warden.core.policy.condition.IpBlock;
import dev.warden.core.sts.CallerCredential;
import dev.warden.filter.error.AwsError;
import dev.warden.filter.error.ErrorBody;
import dev.warden.filter.route.Check;
import dev.warden.filter.route.MappedRequest;
import dev.warden.filter.route.Protocol;
import dev.warden.filter.route.RouteRequest;
import dev.warden.filter.route.RouteRequestException;
import dev.warden.filter.route.RouteTable;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.Principal;
import dev.warden.spi.PrincipalResolver;
import dev.warden.spi.RequestContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces IAM on every HTTP request before the application sees it: authenticates the caller (SigV4 in the
 * {@code Authorization} header or a presigned query, with or without a session token; else the application's
 * {@link PrincipalResolver}s; else anonymous), maps the request through the {@link RouteTable} to IAM actions on
 * resource ARNs with the condition keys AWS would send, decides each with {@link Warden#authorize}, and either
 * answers with AWS's error (403 {@code AccessDenied} with the reason and a request id, in the table's protocol) or
 * lets the request through with its {@link RequestContext} bound, its body checked as it is read, and the name of
 * the route that mapped it in {@link #ROUTE}: the application should run that operation and no other.
 *
 * <pre>{@code
 * WardenFilter filter = WardenFilter.builder(warden)
 *         .routes(RouteTableFile.open(Path.of("routes.json"), Duration.ofSeconds(1), Clock.systemUTC()))
 *         .resourcePolicies(bucketPolicies)
 *         .trustedProxies("10.0.0.0/8")
 *         .build();
 * context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>SigV4 signs header values exactly as sent. Jetty's HTTP parser shares cached header fields and, by default,
 * matches them ignoring case, so {@code Content-Type: text/plain; charset=UTF-8} can reach the application as
 * {@code charset=utf-8} and no longer match its signature: on Jetty, set
 * {@code HttpConfiguration.setHeaderCacheCaseSensitive(true)}.
 *
 * <p>Fails closed: an unmapped request is refused (unless the table says {@code "Unmapped": "Allow"}), and any error
 * while authenticating, mapping or deciding is a refusal, counted and logged. The body is never touched before the
 * decision, so a refused upload is answered before it is sent ({@code Expect: 100-continue}); any other expectation is
 * answered 417 at once. The endpoint serves one Region ({@link Builder#region}): a signature for another is refused.
 *
 * <p>Meters: {@code warden.filter.requests} (timer, tag {@code outcome}: allowed, denied, unauthenticated, unmapped,
 * invalid, public, delegated, error) and {@code warden.authentications} (counter, tags {@code result} and {@code reason}).
 */
public final class WardenFilter implements Filter {

    /** Request attribute holding the request id (a {@code String}) that error bodies and logs report. */
    public static final String REQUEST_ID = "dev.warden.requestId";
    /** Request attribute holding the authenticated {@link Caller}. */
    public static final String CALLER = "dev.warden.caller";
    /**
     * Request attribute holding the {@code Sid} of the route that mapped the request (a {@code String}), set on every
     * request this filter lets through by a route: checked, public or delegated. It is the operation the filter
     * decided the request is, and the application should act on it rather than read the method, query and headers
     * again in an order of its own (two readings of one request are how a check on one action ends up running
     * another). Absent when no route mapped the request (a table with {@code "Unmapped": "Allow"}): an application
     * that dispatches on it must then refuse the request.
     */
    public static final String ROUTE = "dev.warden.route";

    private static final Logger LOG = LoggerFactory.getLogger(WardenFilter.class);

    private final Warden warden;
    private final Supplier<RouteTable> routes;
    private final ResourcePolicyLookup resourcePolicies;
    private final List<PrincipalResolver<HttpServletRequest>> resolvers;
    private final SigV4Verifier<CallerCredential> verifier;
    private final RequestKeys requestKeys;
    private final Clock clock;
    private final String region;
    private final String signingService;
    private final boolean encodeDenials;
    private final MeterRegistry registry;
    private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);
    private final Counter authenticated;

    /** What became of a request, as the {@code outcome} tag of {@code warden.filter.requests} says. */
    enum Outcome { ALLOWED, DENIED, UNAUTHENTICATED, UNMAPPED, INVALID, PUBLIC, DELEGATED, ERROR }

    private WardenFilter(Builder builder) {
        this.warden = builder.warden;
        this.routes = Objects.requireNonNull(builder.routes, "routes");
        this.resourcePolicies = builder.resourcePolicies;
        this.resolvers = List.copyOf(builder.resolvers);
        this.clock = builder.clock == null ? warden.clock() : builder.clock;
        this.verifier = new SigV4Verifier<>(warden.credentials(), clock, SigningRegions.serving(builder.region));
        this.requestKeys = new RequestKeys(new ClientAddress(builder.trustedProxies));
        this.region = builder.region;
        this.signingService = builder.signingService;
        this.encodeDenials = builder.encodeDenials;
        this.registry = builder.registry;
        for (Outcome outcome : Outcome.values()) {
            timers.put(outcome, Timer.builder("warden.filter.requests").description("requests seen by WardenFilter")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        this.authenticated = Counter.builder("warden.authentications").tag("result", "success").tag("reason", "none")
                .register(registry);
    }

    /** Starts a filter over {@code warden}; a route table is required. */
    public static Builder builder(Warden warden) {
        return new Builder(warden);
    }

    /** The authenticated caller of {@code request}, once this filter let it through. */
    public static Optional<Caller> caller(ServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(CALLER));
    }

    /**
     * The {@code Sid} of the route that mapped {@code request}, once this filter let it through ({@link #ROUTE}); empty
     * when no route mapped it, or outside a request this filter passed.
     */
    public static Optional<String> route(ServletRequest request) {
        return request.getAttribute(ROUTE) instanceof String sid ? Optional.of(sid) : Optional.empty();
    }

    /**
     * Decides one more action for the request being served, as the filter decides its route's checks: same caller,
     * same condition keys, same resource policies. For what only the application can know, such as each key of a
     * batch delete. Denied when called outside a request this filter let through.
     */
    public Decision authorize(ServletRequest request, String action, String resourceArn) {
        Caller caller = caller(request).orElse(null);
        RequestContext context = RequestContext.current().orElse(null);
        if (caller == null || context == null) {
            return new Decision(dev.warden.spi.Outcome.IMPLICITLY_DENIED, List.of(),
                    "No request is being served by WardenFilter on this thread, so " + action + " on " + resourceArn
                            + " is denied");
        }
        return decide(caller, new Check(action, resourceArn), context.contextKeys()).decision();
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response)) {
            throw new ServletException("WardenFilter serves HTTP requests only");
        }
        long start = System.nanoTime();
        String requestId = requestId();
        request.setAttribute(REQUEST_ID, requestId);
        Outcome outcome = Outcome.ERROR;
        Protocol protocol = Protocol.S3;
        try {
            RouteTable table = routes.get();
            protocol = table.protocol();
            outcome = enforce(request, response, chain, table, requestId);
        } catch (RuntimeException e) {
            LOG.error("request {} {} {}: enforcement failed unexpectedly; denied", requestId, request.getMethod(),
                    request.getRequestURI(), e);
            ErrorBody.write(response, protocol, new AwsError(403, "AccessDenied", "Access Denied"), requestId, null);
        } finally {
            timers.get(outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Outcome enforce(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                            RouteTable table, String requestId) throws IOException, ServletException {
        Protocol protocol = table.protocol();
        String expectation = unsupportedExpectation(request);
        if (expectation != null) {
            // RFC 9110, 10.1.1: a server may answer an expectation it does not support with 417, before the body
            ErrorBody.write(response, protocol, new AwsError(417, "ExpectationFailed", "The expectation \""
                    + expectation + "\" in the Expect header is not supported; only 100-continue is."), requestId,
                    null);
            return Outcome.INVALID;
        }
        Instant now = clock.instant();
        Authenticated who;
        try {
            who = authenticate(request, protocol);
        } catch (AuthenticationException e) {
            refuseUnauthenticated(request, response, protocol, e, requestId);
            return Outcome.UNAUTHENTICATED;
        }
        Caller caller = who.caller();
        // a signature names the region it was made for, which the verifier has checked is one this endpoint serves
        String region = who.verified() == null ? this.region : who.verified().scope().region();
        Optional<MappedRequest> mapped;
        try {
            mapped = table.map(new RouteRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                    request::getHeader), builtins(request, who, region, now));
        } catch (RouteRequestException e) {
            ErrorBody.write(response, protocol, new AwsError(400, e.code(), e.getMessage(), e.details()), requestId,
                    null);
            return Outcome.INVALID;
        }
        Map<String, ContextValue> keys;
        Outcome outcome;
        if (mapped.isEmpty()) {
            if (!table.allowsUnmapped()) {
                LOG.info("request {}: no route maps {} {}; denied", requestId, request.getMethod(),
                        request.getRequestURI());
                ErrorBody.write(response, protocol, new AwsError(403, "AccessDenied", "Access Denied: no route maps "
                        + request.getMethod() + " " + request.getRequestURI()), requestId, null);
                return Outcome.UNMAPPED;
            }
            keys = requestKeys.of(request, caller, now, region, Map.of());
            outcome = Outcome.UNMAPPED;
        } else if (mapped.get().mode() != MappedRequest.Mode.CHECKED) {
            keys = requestKeys.of(request, caller, now, region, mapped.get().context());
            outcome = mapped.get().publicRoute() ? Outcome.PUBLIC : Outcome.DELEGATED;
        } else {
            keys = requestKeys.of(request, caller, now, region, mapped.get().context());
            for (Check check : mapped.get().checks()) {
                Decided decided = decide(caller, check, keys);
                if (!decided.decision().isAllowed()) {
                    refuse(response, protocol, caller, decided, requestId);
                    return Outcome.DENIED;
                }
            }
            outcome = Outcome.ALLOWED;
        }
        pass(request, response, chain, protocol, who, keys, mapped.map(MappedRequest::sid).orElse(null), requestId);
        return outcome;
    }

    private record Authenticated(Caller caller, VerifiedRequest<CallerCredential> verified) {
    }

    /** The request's {@code Expect} value when it asks for anything but {@code 100-continue}, else {@code null}. */
    private static String unsupportedExpectation(HttpServletRequest request) {
        for (String value : java.util.Collections.list(request.getHeaders("Expect"))) {
            for (String expectation : value.split(",")) {
                String trimmed = expectation.strip();
                if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("100-continue")) {
                    return trimmed.length() > 64 ? trimmed.substring(0, 64) + "..." : trimmed;
                }
            }
        }
        return null;
    }

    private record Decided(AuthorizationRequest request, Decision decision) {
    }

    private Authenticated authenticate(HttpServletRequest request, Protocol protocol) throws AuthenticationException {
        if (SignedRequests.carriesAwsSignature(request)) {
            VerifiedRequest<CallerCredential> verified = verifier.verify(SignedRequests.from(request, null));
            String service = verified.scope().service();
            if (signingService != null && !signingService.equals(service)) {
                throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                        "The authorization header is malformed; incorrect service '" + service
                                + "'. This endpoint belongs to '" + signingService + "'.");
            }
            authenticated.increment();
            // noted without waiting: the store is written later, at most once per key per 15 minutes
            warden.accessKeyUsage().record(verified.accessKeyId(), service, verified.scope().region());
            return new Authenticated(verified.credential().caller(), verified);
        }
        for (PrincipalResolver<HttpServletRequest> resolver : resolvers) {
            Optional<Principal> principal;
            try {
                principal = resolver.resolve(request);
            } catch (SecurityException e) {
                throw new AuthenticationException(AuthFailure.INVALID_TOKEN, e.getMessage() == null
                        ? "The credentials in the request are not valid." : e.getMessage(), e);
            }
            if (principal.isPresent()) {
                authenticated.increment();
                return new Authenticated(warden.credentials().applicationCaller(principal.get()), null);
            }
        }
        return new Authenticated(Caller.of(Principal.anonymous()), null);
    }

    private Map<String, String> builtins(HttpServletRequest request, Authenticated who, String region, Instant now) {
        Map<String, String> builtins = new HashMap<>(16);
        Principal principal = who.caller().principal();
        if (principal.accountId() != null) {
            builtins.put("account", principal.accountId());
        }
        builtins.put("region", region);
        builtins.put("partition", warden.directory().current().partition());
        VerifiedRequest<CallerCredential> verified = who.verified();
        if (verified != null) {
            builtins.put("auth.type", verified.presigned() ? "REST-QUERY-STRING" : "REST-HEADER");
            builtins.put("auth.signature-version", "AWS4-HMAC-SHA256");
            builtins.put("auth.signature-age",
                    Long.toString(Math.max(0, Duration.between(verified.requestTime(), now).toMillis())));
            String contentSha256 = request.getHeader("x-amz-content-sha256");
            if (contentSha256 != null) {
                builtins.put("auth.content-sha256", contentSha256);
            }
        }
        return builtins;
    }

    private Decided decide(Caller caller, Check check, Map<String, ContextValue> keys) {
        ResourcePolicy resource = resourcePolicies.find(check.resource());
        AuthorizationRequest request = new AuthorizationRequest(caller.principal(), check.action(), check.resource(),
                resource == null ? null : resource.ownerAccountId(), keys);
        Decision decision = warden.authorize(request, resource == null ? null : resource.policy(),
                caller.sessionPolicy());
        return new Decided(request, decision);
    }

    private void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Protocol protocol,
                      Authenticated who, Map<String, ContextValue> keys, String route, String requestId)
            throws IOException, ServletException {
        request.setAttribute(CALLER, who.caller());
        request.setAttribute(ROUTE, route);   // null removes it: nothing upstream may name the operation
        HttpServletRequest forwarded = who.verified() == null ? request
                : new VerifiedBodyRequest(request, who.verified());
        try (RequestContext.Scope ignored = RequestContext.bind(
                new RequestContext(who.caller().principal(), keys, requestId))) {
            chain.doFilter(forwarded, response);
        } catch (PayloadRejectedException e) {
            // the body failed its check while the application read it: what it got so far must not count
            countFailure(e.failure());
            LOG.info("request {}: body rejected: {}", requestId, e.getMessage());
            ErrorBody.write(response, protocol, new AwsError(e.failure().status(protocol == Protocol.S3),
                    e.failure().code(protocol == Protocol.S3), e.getMessage()), requestId, null);
        }
    }

    private void refuse(HttpServletResponse response, Protocol protocol, Caller caller, Decided decided,
                        String requestId) throws IOException {
        String message;
        if (protocol == Protocol.S3 && !caller.principal().isAuthenticated()) {
            message = "Access Denied";   // what S3 tells anonymous callers
        } else if (encodeDenials) {
            message = "You are not authorized to perform this operation. Encoded authorization failure message: "
                    + warden.sts().authorizationMessages().encode(decided.request(), decided.decision());
        } else {
            message = decided.decision().reason();
        }
        ErrorBody.write(response, protocol, new AwsError(403, "AccessDenied", message), requestId, null);
    }

    private void refuseUnauthenticated(HttpServletRequest request, HttpServletResponse response, Protocol protocol,
                                       AuthenticationException e, String requestId) throws IOException {
        AuthFailure failure = e.failure();
        countFailure(failure);
        if (failure == AuthFailure.INTERNAL) {
            LOG.error("request {}: authentication failed unexpectedly; denied", requestId, e);
        } else {
            LOG.info("request {} not authenticated: {} ({})", requestId, failure, e.getMessage());
        }
        boolean s3 = protocol == Protocol.S3;
        Map<String, String> details = new LinkedHashMap<>(e.details());
        if (s3 && failure == AuthFailure.SIGNATURE_MISMATCH) {
            // S3 shows what it signed, so that a client can see where its canonical request differs
            SignedRequest signed = SignedRequests.from(request, null);
            Optional<SigningInput> input = verifier.signingInput(signed);
            input.ifPresent(in -> {
                details.put("StringToSign", in.stringToSign());
                details.put("CanonicalRequest", in.canonicalRequest());
            });
        }
        ErrorBody.write(response, protocol, new AwsError(failure.status(s3), failure.code(s3), e.getMessage(), details),
                requestId, null);
    }

    private void countFailure(AuthFailure failure) {
        Counter.builder("warden.authentications").tag("result", "failure")
                .tag("reason", failure.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    /** A request id as S3 forms them: 16 upper-case hex digits (not a secret; unique enough to find a log line). */
    private static String requestId() {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = "0123456789ABCDEF".charAt((int) (bits & 0xF));
            bits >>>= 4;
        }
        return new String(out);
    }

    /** Configures a {@link WardenFilter}. */
    public static final class Builder {
        private final Warden warden;
        private Supplier<RouteTable> routes;
        private ResourcePolicyLookup resourcePolicies = ResourcePolicyLookup.none();
        private final List<PrincipalResolver<HttpServletRequest>> resolvers = new ArrayList<>();
        private final List<IpBlock> trustedProxies = new ArrayList<>();
        private Clock clock;
        private String region = SigningRegions.GLOBAL_SIGNING_REGION;
        private String signingService;
        private boolean encodeDenials;
        private MeterRegistry registry = new SimpleMeterRegistry();

        private Builder(Warden warden) {
            this.warden = Objects.requireNonNull(warden, "warden");
        }

        /** The route table, read on every request (a {@code RouteTableFile} re-reads its file when it changes). */
        public Builder routes(Supplier<RouteTable> routes) {
            this.routes = Objects.requireNonNull(routes, "routes");
            return this;
        }

        /** A fixed route table. */
        public Builder routes(RouteTable routes) {
            Objects.requireNonNull(routes, "routes");
            this.routes = () -> routes;
            return this;
        }

        /** Where the owners and resource-based policies of the application's resources come from. */
        public Builder resourcePolicies(ResourcePolicyLookup lookup) {
            this.resourcePolicies = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Adds a resolver for requests without an AWS signature (the application's own sign-in); asked in the order
         * added. Requests no resolver recognises are anonymous.
         */
        public Builder principalResolver(PrincipalResolver<HttpServletRequest> resolver) {
            resolvers.add(Objects.requireNonNull(resolver, "resolver"));
            return this;
        }

        /**
         * Peers whose {@code X-Forwarded-For} is believed (addresses or CIDR blocks, such as {@code 10.0.0.0/8});
         * from anyone else the header is ignored.
         *
         * @throws IllegalArgumentException for a value that is no address or block
         */
        public Builder trustedProxies(String... blocks) {
            for (String block : blocks) {
                trustedProxies.add(IpBlock.parse(block.trim()));
            }
            return this;
        }

        /** The clock of signatures and {@code aws:CurrentTime} (default: the Warden's). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The Region this endpoint serves (default {@code us-east-1}): signatures must be scoped to it, as AWS's
         * regional endpoints require (S3 answers another Region with {@code AuthorizationHeaderMalformed} "the region
         * 'eu-west-1' is wrong; expecting 'us-east-1'"; IAM, global, is signed for {@code us-east-1}; STS takes its
         * Region or {@code us-east-1}), and it is {@code aws:RequestedRegion} and the route table's {@code {region}}.
         *
         * @throws IllegalArgumentException if blank
         */
        public Builder region(String region) {
            this.region = SigningRegions.serving(region).region();
            return this;
        }

        /**
         * The Region this endpoint serves.
         *
         * @deprecated the Region is no longer only that of unsigned requests: signatures must be scoped to it too; use
         *     {@link #region(String)}, which this calls
         */
        @Deprecated
        public Builder defaultRegion(String region) {
            return region(region);
        }

        /**
         * The service name signatures must be scoped to (for example {@code s3}); signatures for another service are
         * refused as AWS refuses them. By default any service is accepted.
         */
        public Builder signingService(String service) {
            this.signingService = service;
            return this;
        }

        /**
         * Whether denials carry an encoded authorization failure message (as EC2 gives) instead of the plain reason;
         * the caller decodes it with {@code sts decode-authorization-message} if allowed to.
         */
        public Builder encodeDenials(boolean encode) {
            this.encodeDenials = encode;
            return this;
        }

        /** Where the filter's meters go (default: a private registry). */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        public WardenFilter build() {
            return new WardenFilter(this);
        }
    }
}
