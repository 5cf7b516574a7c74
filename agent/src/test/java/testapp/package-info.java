/**
 * Small applications that the tests in {@code dev.warden.agent.jvm} run in child JVMs, under the Warden agent. Each
 * prints one line per step ({@code alice getOrder 7: allowed}, {@code bob getOrder 7: threw CLASS: MESSAGE}), and
 * the tests read those lines.
 *
 * <p>They are outside {@code dev.warden.agent}: the agent never weaves classes of its own package, whoever loads
 * them.
 */
package testapp;
