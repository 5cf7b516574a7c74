/**
 * Simulation in the differential oracle's case format: {@link dev.warden.core.simulate.SimulationCase} reads one
 * case (caller, action, resource, context and every policy in force), {@link
 * dev.warden.core.simulate.BatchSimulation} answers JSON Lines of them, one line per case.
 */
package dev.warden.core.simulate;
