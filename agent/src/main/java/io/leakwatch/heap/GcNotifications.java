package io.leakwatch.heap;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

/**
 * Subscribes once to every collector and hands each collection to the observers. They run on the JVM's
 * notification thread, so each only records and returns; one that throws does not stop the others, and
 * nothing, not even an {@code OutOfMemoryError}, escapes into the JVM's notification thread: it is counted.
 */
public final class GcNotifications implements NotificationListener {

    private final List<Consumer<GarbageCollectionNotificationInfo>> observers = new CopyOnWriteArrayList<>();

    public GcNotifications() {
        // Initialised now rather than at the first failure, which may come while the heap is full.
        SuppressedErrors.total(Source.GC_NOTIFICATION);
    }

    public void observe(Consumer<GarbageCollectionNotificationInfo> observer) {
        observers.add(observer);
    }

    /** Subscribes for the JVM's lifetime. */
    public void start() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter) {
                ((NotificationEmitter) collector).addNotificationListener(this, null, null);
            }
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info;
        try {
            info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        } catch (Throwable malformed) {
            // A malformed notification (or no memory to read it) is not worth disturbing the JVM's notification thread.
            SuppressedErrors.count(Source.GC_NOTIFICATION);
            return;
        }
        for (Consumer<GarbageCollectionNotificationInfo> observer : observers) {
            try {
                observer.accept(info);
            } catch (Throwable failure) {
                // One observer's failure must not cost the others their notification.
                SuppressedErrors.count(Source.GC_NOTIFICATION);
            }
        }
    }
}
