package dev.warden.filter.route;
public record MappedRequest(String sid, boolean publicRoute, java.util.List<Check> checks, java.util.Map<String, dev.warden.spi.ContextValue> context) {}
