package dev.warden.bench;

import static dev.warden.bench.SignedHttp.Connection.KEEP_ALIVE;

import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.sigv4.SigV4Verifier;
import dev.warden.core.auth.sigv4.VerifiedRequest;
import dev.warden.core.sts.CallerCredential;
import dev.warden.filter.SignedRequests;
import dev.warden.filter.WardenFilter;
import dev.warden.filter.route.MappedRequest;
import dev.warden.filter.route.RouteRequest;
import dev.warden.filter.route.RouteRequestException;
import dev.warden.filter.route.RouteTable;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The filter without a container: {@code WardenFilter.doFilter} on minimal request/response fakes
 * ({@link ServletFakes}) in front of {@link PlainServlet}, against the servlet called directly with the same fakes;
 * the same signed bytes as {@link FilterOverheadBenchmark}. Then the filter's parts one by one, on the same GET, to
 * see where its time goes: SigV4 (the request view built from the headers, then verified), the route table's
 * mapping, the caller's condition keys, and the decision over alice's 100 statements. Each operation builds a fresh
 * fake request (attributes and body stream are per request), on both sides.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FilterDirectBenchmark {

    private FilterSetup setup;
    private WardenFilter filter;
    private PlainServlet servlet;
    private FilterChain chain;
    private RawRequest get;
    private RawRequest put;

    private SigV4Verifier<CallerCredential> verifier;
    private RouteTable routes;
    private Map<String, String> builtins;
    private Caller caller;
    private AuthorizationRequest decision;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Clock clock = Clock.fixed(FilterOverheadBenchmark.SIGNED_AT, ZoneOffset.UTC);
        setup = FilterSetup.create(clock);
        filter = setup.filter();
        servlet = new PlainServlet();
        chain = (request, response) -> servlet.service(request, response);
        byte[] body = new byte[FilterOverheadBenchmark.PUT_BYTES];
        ThreadLocalRandom.current().nextBytes(body);
        URI getUri = URI.create("http://localhost" + FilterSetup.GUARDED + FilterSetup.GET_PATH);
        URI putUri = URI.create("http://localhost" + FilterSetup.GUARDED + FilterSetup.PUT_PATH);
        get = RawRequest.parse(SignedHttp.get(setup.alice(), getUri, FilterOverheadBenchmark.SIGNED_AT, KEEP_ALIVE));
        put = RawRequest.parse(SignedHttp.put(setup.alice(), putUri, body, FilterOverheadBenchmark.SIGNED_AT, true,
                KEEP_ALIVE));
        for (RawRequest request : new RawRequest[] {get, put}) {
            ServletFakes.Response response = ServletFakes.response();
            filter.doFilter(ServletFakes.request(request), response, chain);
            if (response.getStatus() != 200 || response.written() != 3) {
                throw new IllegalStateException(request.method() + " was not let through: " + response.getStatus());
            }
        }
        partsSetUp(clock);
    }

    /** What the parts need, taken from one pass through the filter so that they see what the filter sees. */
    private void partsSetUp(Clock clock) throws Exception {
        verifier = new SigV4Verifier<>(setup.warden().credentials(), clock);
        routes = RouteTable.parse(FilterSetup.ROUTES, "bench-routes.json");
        builtins = new HashMap<>(Map.of("account", Policies.ACCOUNT, "region", "us-east-1", "partition", "aws"));
        caller = verify().credential().caller();
        AtomicReference<Map<String, ContextValue>> keys = new AtomicReference<>();
        filter.doFilter(ServletFakes.request(get), ServletFakes.response(),
                (request, response) -> keys.set(RequestContext.current().orElseThrow().contextKeys()));
        MappedRequest mapped = map().orElseThrow();
        decision = new AuthorizationRequest(caller.principal(), mapped.checks().get(0).action(),
                mapped.checks().get(0).resource(), null, keys.get());
        if (!part_authorize().isAllowed()) {
            throw new IllegalStateException("the filter's decision is not an allow here: " + part_authorize());
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        setup.close();
    }

    @Benchmark
    public ServletFakes.Response servlet_get() throws IOException, ServletException {
        return servlet(get);
    }

    @Benchmark
    public ServletFakes.Response filter_get() throws IOException, ServletException {
        return filtered(get);
    }

    @Benchmark
    public ServletFakes.Response servlet_put() throws IOException, ServletException {
        return servlet(put);
    }

    @Benchmark
    public ServletFakes.Response filter_put() throws IOException, ServletException {
        return filtered(put);
    }

    /** Part: the request view from the servlet request's headers, then SigV4 verification (key lookup included). */
    @Benchmark
    public VerifiedRequest<CallerCredential> part_verify() throws AuthenticationException {
        return verify();
    }

    /** Part: the route table's mapping of the GET to {@code s3:GetObject} on its ARN. */
    @Benchmark
    public Optional<MappedRequest> part_map() throws RouteRequestException {
        return map();
    }

    /** Part: the caller's condition keys at the request's time ({@code aws:PrincipalArn}, tags, times, ...). */
    @Benchmark
    public Map<String, ContextValue> part_callerKeys() {
        return caller.contextAt(FilterOverheadBenchmark.SIGNED_AT);
    }

    /** Part: {@code Warden.authorize} of the check with the keys the filter built, on a warm policy-set cache. */
    @Benchmark
    public Decision part_authorize() {
        return setup.warden().authorize(decision, null, caller.sessionPolicy());
    }

    private ServletFakes.Response servlet(RawRequest raw) throws IOException, ServletException {
        ServletFakes.Response response = ServletFakes.response();
        servlet.service(ServletFakes.request(raw), response);
        return response;
    }

    private ServletFakes.Response filtered(RawRequest raw) throws IOException, ServletException {
        ServletFakes.Response response = ServletFakes.response();
        filter.doFilter(ServletFakes.request(raw), response, chain);
        if (response.getStatus() != 200) {
            throw new IllegalStateException("refused: " + response.getStatus());
        }
        return response;
    }

    private VerifiedRequest<CallerCredential> verify() throws AuthenticationException {
        return verifier.verify(SignedRequests.from(ServletFakes.request(get), null));
    }

    private Optional<MappedRequest> map() throws RouteRequestException {
        HttpServletRequest request = ServletFakes.request(get);
        return routes.map(new RouteRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                request::getHeader), builtins);
    }
}
