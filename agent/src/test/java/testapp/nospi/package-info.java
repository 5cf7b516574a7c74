/**
 * An application that knows nothing of Warden: run without the spi on its class path, it names its caller in a
 * {@code ThreadLocal} of its own, and only a config's pointcut enforces it. Nothing here may touch {@code testapp}'s
 * classes, which need the spi.
 */
package testapp.nospi;
