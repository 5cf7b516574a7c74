package dev.warden.examples.orders;

/** What a customer asks for: {@code item} and {@code quantity}, on behalf of {@code owner}. */
public record NewOrder(String owner, String item, int quantity) {

    public NewOrder {
        if (item == null || item.isBlank() || item.length() > 200) {
            throw new IllegalArgumentException("item must be 1 to 200 characters");
        }
        if (quantity < 1 || quantity > 1000) {
            throw new IllegalArgumentException("quantity must be 1 to 1000");
        }
    }
}
