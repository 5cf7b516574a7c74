package dev.warden.filter.route;

import dev.warden.spi.ContextValue;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How HTTP requests become IAM actions on resource ARNs: a JSON file (DESIGN contract 3), parsed strictly, immutable.
 *
 * <pre>{@code
 * {
 *   "Version": "2026-11-23",
 *   "Protocol": "s3",                      // how errors are written: "s3", "query" or "json"
 *   "Unmapped": "Deny",                    // or "Allow": requests no route maps pass unchecked
 *   "Selectors": ["acl", "policy", "uploadId", "partNumber"],   // query names that each pick an operation
 *   "Routes": [
 *     {"Sid": "Health", "Route": "GET /healthz", "Public": true},
 *     {"Route": "GET /{bucket}", "Query": {"policy": true},
 *      "Action": "s3:GetBucketPolicy", "Resource": "arn:{partition}:s3:::{bucket}"},
 *     {"Route": "PUT /{bucket}/{key+}", "Headers": {"x-amz-copy-source": true},
 *      "Action": "s3:PutObject", "Resource": "arn:{partition}:s3:::{bucket}/{key}",
 *      "Also": [{"Action": "s3:GetObject", "Resource": "arn:{partition}:s3:::{header.x-amz-copy-source:path}"}],
 *      "Context": {"s3:x-amz-acl": "{header.x-amz-acl}"}}
 *   ]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code Route}: {@code METHOD /path}; a method in capitals or {@code *}. Segments are literals,
 *   {@code {name}} (one non-empty segment) or, last, {@code {name+}} (the rest of the path, slashes kept).
 *   {@code /{bucket}} also matches {@code /bucket/}. The request path is split on {@code /} as sent and each segment
 *   decoded once; an encoded slash inside a {@code {name}} segment never matches. Paths with dot segments, control
 *   characters, bad encoding or more than 8192 characters are refused before matching ({@link RouteRequestException}).
 *   <li>{@code "Public": true}: no authorization at all. {@code "Delegated": true}: the caller is authenticated and
 *   bound, and the application authorizes each item itself with {@code WardenFilter.authorize} (as S3 authorizes
 *   each key of a batch delete). Neither has an {@code Action} or {@code Resource}.
 *   <li>{@code Query} and {@code Headers}: each name maps to an exact value, {@code true} (present, with any value,
 *   as {@code ?uploads}) or {@code false} (absent). Query names are case-sensitive, header names are not.
 *   <li>{@code Action}, {@code Resource}, {@code Also} and {@code Context} values are templates: {@code {name}} (a
 *   path variable), {@code {query.NAME}}, {@code {header.NAME}}, or {@code {account}} (the caller's),
 *   {@code {region}} (the signed one), {@code {partition}}, {@code {auth.type}}, {@code {auth.signature-version}},
 *   {@code {auth.signature-age}}, {@code {auth.content-sha256}}; {@code :path} after a reference decodes it as S3's
 *   {@code x-amz-copy-source} ({@code /bucket/key?versionId=1} becomes {@code bucket/key}).
 *   <li>The first route that matches, in file order, wins; a route matches only if every reference of its checks
 *   has a value in the request. A route that an earlier one certainly always wins is a parse error naming both. A {@code Context} key whose value is missing is left out of the request.
 *   <li>{@code Selectors} (optional): query parameters that each select an operation of their own, as S3's
 *   sub-resources do ({@code ?acl}, {@code ?policy}, {@code ?uploadId}). A route matches only a request whose
 *   selectors are all ones its {@code Query} requires present, so {@code GET /{bucket}/{key+}} without a
 *   {@code Query} never matches {@code ?acl}. A request carrying two or more selectors that no one route requires
 *   together ({@code ?acl&uploadId}; {@code ?uploadId&partNumber} is one route's) is refused before any route is
 *   tried: S3's 400 {@code InvalidArgument} "Conflicting query string parameters: acl, uploadId", or
 *   {@code InvalidParameterCombination} in the other protocols. The filter and the application behind it
 *   therefore never read one request as two different operations.
 *   <li>The {@code Sid} of the route that matched is what {@code WardenFilter} publishes to the application as
 *   the request's operation ({@code WardenFilter.ROUTE}); several routes may share one {@code Sid}.
 *   <li>Unknown fields, duplicate keys, wrong types and templates naming nothing are errors with the JSON pointer
 *   of the value ({@link RouteTableException}).
 * </ul>
 */
public final class RouteTable {

    private final Protocol protocol;
    private final boolean allowsUnmapped;
    private final Set<String> selectors;
    private final List<Route> routes;

    RouteTable(Protocol protocol, boolean allowsUnmapped, Set<String> selectors, List<Route> routes) {
        this.protocol = protocol;
        this.allowsUnmapped = allowsUnmapped;
        this.selectors = Set.copyOf(selectors);
        this.routes = List.copyOf(routes);
    }

    /**
     * Parses a route table.
     *
     * @param source the file name, for messages
     * @throws RouteTableException what is wrong, where, and why
     */
    public static RouteTable parse(String json, String source) throws RouteTableException {
        return RouteParser.parse(json, source);
    }

    /** Reads and parses {@code file}; an unreadable file is a {@link RouteTableException} too. */
    public static RouteTable read(Path file) throws RouteTableException {
        return parse(readText(file), file.toString());
    }

    static String readText(Path file) throws RouteTableException {
        try {
            if (Files.size(file) > RouteParser.MAX_BYTES) {
                throw new RouteTableException(file.toString(), "", "the table is larger than " + RouteParser.MAX_BYTES
                        + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new RouteTableException(file.toString(), "", "the file is not UTF-8");
        } catch (IOException e) {
            throw new RouteTableException(file.toString(), "", "cannot be read: " + e);
        }
    }

    /** The protocol errors are written in. */
    public Protocol protocol() {
        return protocol;
    }

    /** Whether requests that no route maps pass to the application unchecked. */
    public boolean allowsUnmapped() {
        return allowsUnmapped;
    }

    /** The query parameters that each select an operation ({@code Selectors}); empty when the table has none. */
    public Set<String> selectors() {
        return selectors;
    }

    /** The number of routes. */
    public int size() {
        return routes.size();
    }

    /**
     * The first route matching {@code request}, resolved with {@code builtins} (the filter's {@code account},
     * {@code region}, ...); empty when none matches.
     *
     * @throws RouteRequestException when the path or query cannot be read safely, or the query names selectors
     *     that no route takes together
     */
    public Optional<MappedRequest> map(RouteRequest request, Map<String, String> builtins) throws RouteRequestException {
        RequestPath path = RequestPath.parse(request.rawPath());
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        Set<String> selected = selected(query);
        for (Route route : routes) {
            if (!route.method().equals("*") && !route.method().equals(request.method())) {
                continue;
            }
            if (!route.selectors().containsAll(selected)) {
                continue;
            }
            Map<String, String> variables = route.path().match(path);
            if (variables == null) {
                continue;
            }
            if (!holds(route.query(), query::get) || !holds(route.headers(), request.header()::apply)) {
                continue;
            }
            QueryParameters parameters = query;
            java.util.function.Function<Template.Reference, String> values = reference -> switch (reference.kind()) {
                case PATH -> variables.get(reference.name());
                case QUERY -> parameters.get(reference.name());
                case HEADER -> request.header().apply(reference.name());
                case BUILTIN -> builtins.get(reference.name());
            };
            Optional<MappedRequest> mapped = resolve(route, values);
            if (mapped.isPresent()) {
                return mapped;
            }
        }
        return Optional.empty();
    }

    /**
     * The selectors {@code query} names, refused when they are two or more that no route requires together (S3 picks
     * no operation for {@code ?acl&uploadId}; guessing one could authorize one operation and run another).
     */
    private Set<String> selected(QueryParameters query) throws RouteRequestException {
        if (selectors.isEmpty()) {
            return Set.of();
        }
        Set<String> selected = new TreeSet<>();
        for (String selector : selectors) {
            if (query.get(selector) != null) {
                selected.add(selector);
            }
        }
        if (selected.size() < 2) {
            return selected;
        }
        for (Route route : routes) {
            if (route.selectors().containsAll(selected)) {
                return selected;
            }
        }
        String names = String.join(", ", selected);
        if (protocol == Protocol.S3) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("ArgumentName", "ResourceType");
            details.put("ArgumentValue", selected.iterator().next());
            throw new RouteRequestException("InvalidArgument", "Conflicting query string parameters: " + names,
                    details);
        }
        throw new RouteRequestException("InvalidParameterCombination", "Conflicting query parameters: " + names);
    }

    private static boolean holds(List<Predicate> predicates, java.util.function.Function<String, String> values) {
        for (Predicate predicate : predicates) {
            if (!predicate.test(values.apply(predicate.name()))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<MappedRequest> resolve(Route route,
                                                   java.util.function.Function<Template.Reference, String> values) {
        List<Check> checks = new ArrayList<>(route.checks().size());
        for (Route.CheckTemplate template : route.checks()) {
            String action = template.action().render(values);
            String resource = template.resource().render(values);
            if (action == null || resource == null || !RouteParser.isAction(action)
                    || !RouteParser.isResource(resource)) {
                return Optional.empty();
            }
            checks.add(new Check(action, resource));
        }
        Map<String, ContextValue> context = Map.of();
        if (!route.context().isEmpty()) {
            context = new HashMap<>(route.context().size() * 2);
            for (Map.Entry<String, Template> key : route.context().entrySet()) {
                String value = key.getValue().render(values);
                if (value != null) {
                    context.put(key.getKey(), ContextValue.of(value));
                }
            }
        }
        return Optional.of(new MappedRequest(route.sid(), route.mode(), checks, context));
    }
}
