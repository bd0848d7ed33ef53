package org.skvmoip.sim.probe;

/**
 * Code whose heap allocation {@link AllocationProbe} measures. The probe instantiates it in a
 * child JVM through its public no-argument constructor, so a scenario is a public top-level or
 * public static nested class that builds everything it needs in {@link #setUp()}.
 */
public interface AllocationScenario {

    /** Builds what {@link #runOnce()} works on (a simulated board, the firmware); not measured. */
    void setUp() throws Exception;

    /** One unit of the work being measured, for example one main-loop iteration. */
    void runOnce() throws Exception;

    /** Releases what {@link #setUp()} built (threads, sockets); not measured. */
    void tearDown() throws Exception;
}
