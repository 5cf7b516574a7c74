package testapp;

/**
 * An application class that nothing enforces. It takes a {@code Runnable}, as executors do, so the agent's quick
 * byte test cannot dismiss it and hands it to Byte Buddy: it must still come out exactly as compiled.
 */
public class Plain {

    public String later(Runnable task) {
        task.run();
        return "ran";
    }
}
