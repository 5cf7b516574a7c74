package testapp.nospi;

/**
 * Posts an entry as each user named in the arguments, printing {@code USER post: allowed} or
 * {@code USER post: threw CLASS (SecurityException: true|false): MESSAGE}.
 */
public final class LedgerApp {

    private LedgerApp() {
    }

    public static void main(String[] args) {
        try {
            Class.forName("dev.warden.spi.Authorize");
            System.out.println("spi: visible");
        } catch (ClassNotFoundException e) {
            System.out.println("spi: invisible");
        }
        Ledger ledger = new Ledger();
        for (String user : args) {
            CurrentUser.NAME.set(user);
            try {
                ledger.post("entry-1");
                System.out.println(user + " post: allowed");
            } catch (RuntimeException e) {
                System.out.println(user + " post: threw " + e.getClass().getName() + " (SecurityException: "
                        + (e instanceof SecurityException) + "): " + e.getMessage());
            } finally {
                CurrentUser.NAME.remove();
            }
        }
    }
}
