package io.leakwatch.heap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.management.Notification;

import org.junit.jupiter.api.Test;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

class GcNotificationsTest {

    @Test
    void aMalformedNotificationIsCountedAndNeverThrownIntoTheNotificationThread() {
        GcNotifications notifications = new GcNotifications();
        notifications.observe(info -> {
            throw new AssertionError("no observer is told of a notification that could not be read");
        });
        Notification malformed = new Notification(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION,
                "test", 1);
        malformed.setUserData("not composite data");
        long before = SuppressedErrors.total(Source.GC_NOTIFICATION);

        assertDoesNotThrow(() -> notifications.handleNotification(malformed, null));

        assertEquals(before + 1, SuppressedErrors.total(Source.GC_NOTIFICATION));
    }
}
