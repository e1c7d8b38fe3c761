package io.leakwatch.bootstrap;

/** Receives every container written to an instrumented field, with the site id resolved at transform time. */
public interface FieldWriteHandler {

    /**
     * Called on the application's thread just before it stores {@code container} into the field
     * {@code siteId} names, for each write the bridge's countdown for the site does not let pass. Must not
     * block, must not throw and should not allocate once the container has been seen.
     */
    void onFieldWrite(Object container, int siteId);
}
