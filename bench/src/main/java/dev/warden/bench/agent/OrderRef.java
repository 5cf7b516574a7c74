package dev.warden.bench.agent;

/** An argument whose property a template reads ({@code {order.id}}). */
public record OrderRef(String id) {
}
