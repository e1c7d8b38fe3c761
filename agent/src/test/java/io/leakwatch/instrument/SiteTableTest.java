package io.leakwatch.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SiteTableTest {

    @Test
    void namesEachFieldOnceAndRefusesPastCapacity() {
        SiteTable sites = new SiteTable(2);
        int first = sites.idOf("com.acme.A", "cache");
        assertEquals(first, sites.idOf("com.acme.A", "cache"));
        int second = sites.idOf("com.acme.A$Inner", "listeners");
        assertEquals("com.acme.A#cache", sites.nameOf(first));
        assertEquals("com.acme.A$Inner#listeners", sites.nameOf(second));
        assertEquals(SiteTable.NO_SITE, sites.idOf("com.acme.B", "more"));
        assertEquals(1, sites.refusedSites());
    }
}
