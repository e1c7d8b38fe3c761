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

/**
 * Subscribes once to every collector and hands each collection to the observers. They run on the JVM's
 * notification thread, so each only records and returns; one that throws does not stop the others.
 */
public final class GcNotifications implements NotificationListener {

    private final List<Consumer<GarbageCollectionNotificationInfo>> observers = new CopyOnWriteArrayList<>();

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
        } catch (RuntimeException e) {
            // A malformed notification is not worth disturbing the JVM's notification thread.
            return;
        }
        for (Consumer<GarbageCollectionNotificationInfo> observer : observers) {
            try {
                observer.accept(info);
            } catch (RuntimeException e) {
                // One observer's failure must not cost the others their notification.
            }
        }
    }
}
