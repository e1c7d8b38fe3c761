package io.leakwatch.heap;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * A GC notification as the JVM sends it, with the pool usages a test chooses: built from the open types the
 * platform's own {@code GarbageCollectionNotificationInfo.from} and {@code GcInfo.from} read.
 */
final class FabricatedGc {

    private static final String[] USAGE_ITEMS = {"init", "used", "committed", "max"};
    private static final String[] ROW_ITEMS = {"key", "value"};
    private static final String[] GC_INFO_ITEMS = {"id", "startTime", "endTime", "duration", "memoryUsageBeforeGc",
        "memoryUsageAfterGc"};
    private static final String[] NOTIFICATION_ITEMS = {"gcName", "gcAction", "gcCause", "gcInfo"};

    private final String gcName;
    private final String gcAction;
    private final Map<String, long[]> before = new LinkedHashMap<>();
    private final Map<String, long[]> after = new LinkedHashMap<>();

    private FabricatedGc(String gcName, String gcAction) {
        this.gcName = gcName;
        this.gcAction = gcAction;
    }

    static FabricatedGc of(String gcName, String gcAction) {
        return new FabricatedGc(gcName, gcAction);
    }

    /** The pool's used bytes before and after the collection, and its max (-1 for undefined). */
    FabricatedGc pool(String name, long usedBefore, long usedAfter, long max) {
        before.put(name, new long[] {0, usedBefore, usedBefore, max});
        after.put(name, new long[] {0, usedAfter, usedAfter, max});
        return this;
    }

    Notification notification() {
        try {
            CompositeType usageType = new CompositeType("java.lang.management.MemoryUsage", "usage", USAGE_ITEMS,
                    USAGE_ITEMS, new OpenType<?>[] {SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.LONG});
            CompositeType rowType = new CompositeType("usageByPool", "row", ROW_ITEMS, ROW_ITEMS,
                    new OpenType<?>[] {SimpleType.STRING, usageType});
            TabularType mapType = new TabularType("usagesByPool", "usages", rowType, new String[] {"key"});
            CompositeType gcInfoType = new CompositeType("GcInfo", "gc", GC_INFO_ITEMS, GC_INFO_ITEMS,
                    new OpenType<?>[] {SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, SimpleType.LONG, mapType,
                        mapType});
            CompositeData gcInfo = new CompositeDataSupport(gcInfoType, GC_INFO_ITEMS, new Object[] {1L, 10L, 12L, 2L,
                usages(before, mapType, rowType, usageType), usages(after, mapType, rowType, usageType)});
            CompositeType notificationType = new CompositeType("GcNotification", "notification", NOTIFICATION_ITEMS,
                    NOTIFICATION_ITEMS, new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.STRING,
                        gcInfoType});
            Notification notification = new Notification(
                    GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION, "test", 1);
            notification.setUserData(new CompositeDataSupport(notificationType, NOTIFICATION_ITEMS,
                    new Object[] {gcName, gcAction, "test", gcInfo}));
            return notification;
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TabularDataSupport usages(Map<String, long[]> usages, TabularType mapType, CompositeType rowType,
            CompositeType usageType) throws OpenDataException {
        TabularDataSupport table = new TabularDataSupport(mapType);
        for (Map.Entry<String, long[]> pool : usages.entrySet()) {
            long[] usage = pool.getValue();
            CompositeData value = new CompositeDataSupport(usageType, USAGE_ITEMS,
                    new Object[] {usage[0], usage[1], usage[2], usage[3]});
            table.put(new CompositeDataSupport(rowType, ROW_ITEMS, new Object[] {pool.getKey(), value}));
        }
        return table;
    }
}
