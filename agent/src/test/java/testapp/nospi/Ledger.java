package testapp.nospi;

/** Enforced by a pointcut only. */
public class Ledger {

    public String post(String entry) {
        return entry + " posted";
    }
}
