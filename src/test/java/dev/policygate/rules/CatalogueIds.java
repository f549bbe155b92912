package dev.policygate.rules;

import java.util.List;

/** The obligation IDs of ../shared/obligations/catalogue.md, in catalogue order. */
final class CatalogueIds {
    static final List<String> IDS = List.of(
            "POLICY_DATES", "POLICY_SCOPE", "CHANGE_NOTICE", "EXPLICIT_CONSENT",
            "HANDLER_IDENTITY", "HANDLER_CONTACT", "HANDLER_ADDRESS", "PIPO_CONTACT",
            "COLLECTION_PURPOSES", "COLLECTION_DATA_TYPES", "COLLECTION_ENUMERATED", "PERMISSIONS_PURPOSE",
            "SENSITIVE_PI_MARKED", "SENSITIVE_PI_NECESSITY", "SENSITIVE_PI_SEPARATE_CONSENT",
            "THIRD_PARTY_DISCLOSED", "THIRD_PARTY_DETAILS", "SHARING_CONSENT", "PUBLIC_DISCLOSURE_CONSENT",
            "TRANSFER_ON_MERGER", "ENTRUSTED_PROCESSING",
            "RETENTION_PERIOD", "RETENTION_EXPIRY", "STORAGE_LOCATION", "CROSS_BORDER_DETAILS",
            "SECURITY_MEASURES", "INCIDENT_NOTIFICATION", "CESSATION_NOTICE",
            "RIGHT_ACCESS", "RIGHT_COPY", "RIGHT_PORTABILITY", "RIGHT_CORRECTION", "RIGHT_DELETION",
            "CONSENT_WITHDRAWAL", "ACCOUNT_DELETION", "RESPONSE_DEADLINE", "COMPLAINT_CHANNEL",
            "EXTERNAL_DISPUTE", "REFUSAL_REASONS",
            "PERSONALIZATION_OPT_OUT",
            "MINORS_GUARDIAN_CONSENT", "CHILDREN_SPECIAL_RULES");

    /**
     * Obligations over the app's behaviour (pack j-app-behaviour, issue 18), after the catalogue's: the catalogue
     * judges text only; each of these names the clause it rests on in its YAML.
     */
    static final List<String> APP_BEHAVIOUR_IDS = List.of("APP_PERMISSION_PURPOSE", "APP_SDK_DISCLOSED",
            "APP_NO_CONTRADICTED_DENIAL");

    /** The area of the pack whose facts come from the app (an APK or app profile), not from the text. */
    static final String APP_AREA = "J";

    private CatalogueIds() {
    }
}
