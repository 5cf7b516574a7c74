package testapp;

/** A class without annotations that a config's pointcut enforces. */
public class Inventory {

    public String reserve(String sku) {
        return sku + " reserved";
    }
}
