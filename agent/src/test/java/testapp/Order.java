package testapp;

/** An argument whose property a resource template reads ({@code {order.id}}). */
public record Order(String id) {
}
