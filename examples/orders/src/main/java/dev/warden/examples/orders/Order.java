package dev.warden.examples.orders;

/** An order as the service keeps it. */
public record Order(String id, String owner, String item, int quantity, String status) {

    /** The order as JSON. */
    String toJson() {
        return "{\"id\":" + Json.string(id) + ",\"owner\":" + Json.string(owner) + ",\"item\":" + Json.string(item)
                + ",\"quantity\":" + quantity + ",\"status\":" + Json.string(status) + "}";
    }
}
