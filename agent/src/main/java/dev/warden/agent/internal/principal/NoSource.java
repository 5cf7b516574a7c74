package dev.warden.agent.internal.principal;

/** Only the application's {@code RequestContext} names callers. */
final class NoSource implements CallerSource {

    @Override
    public Object find(ClassLoader loader) {
        return null;
    }

    @Override
    public String describe() {
        return "no RequestContext is bound";
    }
}
