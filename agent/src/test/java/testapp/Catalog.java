package testapp;

import dev.warden.spi.Authorize;

/** A type-level {@code @Authorize}: it covers {@link #list} but not {@link #toString}. */
@Authorize(action = "catalog:Browse", resource = "arn:aws:catalog:{region}:{account}:catalog/main")
public class Catalog {

    public String list() {
        return "books, pens";
    }

    @Override
    public String toString() {
        return "the catalog";
    }
}
