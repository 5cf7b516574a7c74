/**
 * The bridge between woven application code and the agent: loaded by the bootstrap class loader (the agent appends
 * its own jar to the bootstrap search path), so every class loader sees the same {@link dev.warden.agent.bootstrap.Gates}.
 * Depends on nothing but the JDK.
 */
package dev.warden.agent.bootstrap;
