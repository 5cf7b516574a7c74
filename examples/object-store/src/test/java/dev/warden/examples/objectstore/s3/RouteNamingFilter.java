package dev.warden.examples.objectstore.s3;

import dev.warden.filter.WardenFilter;
import dev.warden.filter.error.AwsError;
import dev.warden.filter.error.ErrorBody;
import dev.warden.filter.route.MappedRequest;
import dev.warden.filter.route.Protocol;
import dev.warden.filter.route.RouteRequest;
import dev.warden.filter.route.RouteRequestException;
import dev.warden.filter.route.RouteTable;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * For tests of the servlet alone: names each request's operation as WardenFilter would, from the shipped route
 * table, and authorizes nothing (the servlet runs what the table names, so its tests go through the same table).
 */
final class RouteNamingFilter implements Filter {

    private static final Map<String, String> BUILTINS = Map.of("partition", "aws", "region", "us-east-1");

    private final RouteTable table;

    RouteNamingFilter() {
        try {
            table = RouteTable.read(Path.of("routes.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        try {
            table.map(new RouteRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                    request::getHeader), BUILTINS).map(MappedRequest::sid)
                    .ifPresent(sid -> request.setAttribute(WardenFilter.ROUTE, sid));
        } catch (RouteRequestException e) {
            ErrorBody.write((HttpServletResponse) response, Protocol.S3, new AwsError(400, e.code(), e.getMessage(),
                    e.details()), "TEST", null);
            return;
        }
        chain.doFilter(request, response);
    }
}
