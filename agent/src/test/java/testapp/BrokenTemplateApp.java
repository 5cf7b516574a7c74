package testapp;

import dev.warden.spi.Authorize;

/** A class whose one annotation's template names a parameter that does not exist, beside a sound one. */
public final class BrokenTemplateApp {

    @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{idd}")
    public String broken(String id) {
        return "order " + id;
    }

    @Authorize(action = "orders:GetOrder", resource = "arn:aws:orders:{region}:{account}:order/{id}")
    public String sound(String id) {
        return "order " + id;
    }

    public static void main(String[] args) {
        BrokenTemplateApp app = new BrokenTemplateApp();
        Steps.as("alice", () -> {
            Steps.step("alice broken 7", () -> app.broken("7"));
            Steps.step("alice sound 7", () -> app.sound("7"));
        });
    }
}
