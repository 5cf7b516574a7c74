package dev.warden.filter.route;
public record RouteRequest(String method, String rawPath, String rawQuery, java.util.function.Function<String, String> header) {}
