package dev.policygate.facts;

import java.util.List;

/** A device permission the policy says the app requests, with the purpose it gives (null when none). */
public record PermissionRequest(Permission permission, String purpose, List<Citation> citations) implements Fact {
    public enum Permission {
        CAMERA, MICROPHONE, LOCATION, STORAGE, PHOTOS, CONTACTS, PHONE_STATE, CALL_LOG, NOTIFICATIONS,
        CALENDAR, SMS, BLUETOOTH, CLIPBOARD, SENSORS, NETWORK, INSTALLED_APPS, BIOMETRIC, OTHER
    }
}
