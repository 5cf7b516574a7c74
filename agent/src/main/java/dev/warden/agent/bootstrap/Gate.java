package dev.warden.agent.bootstrap;

/**
 * What the woven code calls into: the agent's enforcement, implemented in the agent's own class loader and
 * installed in {@link Gates}. Only JDK types cross this line, because the woven code lives in the application's
 * class loaders and this interface in the bootstrap loader.
 */
public interface Gate {

    /** Checks checkpoint {@code id} for a call with {@code arguments}; throws the configured denial if not allowed. */
    void check(int id, Object[] arguments);

    /** What to carry to another thread (the request being served, the application's context), or {@code null}. */
    Object capture();

    /** Makes {@code captured} current on this thread; returns what {@link #restore(Object)} puts back. */
    Object attach(Object captured);

    /** Puts back what {@link #attach(Object)} replaced. */
    void restore(Object previous);

    /**
     * Answers the dispatch {@code dispatch} with a 403 if {@code thrown} is (or was caused by) a denial this gate
     * threw; returns whether it did, so the woven code swallows the exception.
     */
    boolean answerDenial(Dispatch dispatch, Throwable thrown);
}
