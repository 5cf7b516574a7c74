package dev.warden.filter.route;
public record Check(String action, String resource) {}
