package dev.policygate.facts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A typed statement extracted from a policy, with the text spans that support it. Facts are what Drools
 * rules match on; they are serialised with a {@code type} property so that pipelines can post them back
 * to {@code /api/v1/evaluations}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DocumentSection.class, name = "DocumentSection"),
        @JsonSubTypes.Type(value = PolicyDate.class, name = "PolicyDate"),
        @JsonSubTypes.Type(value = PolicyScope.class, name = "PolicyScope"),
        @JsonSubTypes.Type(value = ConsentMechanism.class, name = "ConsentMechanism"),
        @JsonSubTypes.Type(value = ChangeNotice.class, name = "ChangeNotice"),
        @JsonSubTypes.Type(value = Handler.class, name = "Handler"),
        @JsonSubTypes.Type(value = Contact.class, name = "Contact"),
        @JsonSubTypes.Type(value = ProtectionOfficer.class, name = "ProtectionOfficer"),
        @JsonSubTypes.Type(value = DataCollection.class, name = "DataCollection"),
        @JsonSubTypes.Type(value = PermissionRequest.class, name = "PermissionRequest"),
        @JsonSubTypes.Type(value = SensitivePiLabel.class, name = "SensitivePiLabel"),
        @JsonSubTypes.Type(value = SeparateConsent.class, name = "SeparateConsent"),
        @JsonSubTypes.Type(value = NecessityStatement.class, name = "NecessityStatement"),
        @JsonSubTypes.Type(value = ThirdParty.class, name = "ThirdParty"),
        @JsonSubTypes.Type(value = SharingClause.class, name = "SharingClause"),
        @JsonSubTypes.Type(value = Retention.class, name = "Retention"),
        @JsonSubTypes.Type(value = RetentionExpiry.class, name = "RetentionExpiry"),
        @JsonSubTypes.Type(value = StorageLocation.class, name = "StorageLocation"),
        @JsonSubTypes.Type(value = CrossBorderTransfer.class, name = "CrossBorderTransfer"),
        @JsonSubTypes.Type(value = SecurityMeasure.class, name = "SecurityMeasure"),
        @JsonSubTypes.Type(value = IncidentNotification.class, name = "IncidentNotification"),
        @JsonSubTypes.Type(value = CessationClause.class, name = "CessationClause"),
        @JsonSubTypes.Type(value = RightStatement.class, name = "RightStatement"),
        @JsonSubTypes.Type(value = ResponseDeadline.class, name = "ResponseDeadline"),
        @JsonSubTypes.Type(value = ComplaintChannel.class, name = "ComplaintChannel"),
        @JsonSubTypes.Type(value = ExternalDispute.class, name = "ExternalDispute"),
        @JsonSubTypes.Type(value = RefusalReasons.class, name = "RefusalReasons"),
        @JsonSubTypes.Type(value = Personalization.class, name = "Personalization"),
        @JsonSubTypes.Type(value = MinorsClause.class, name = "MinorsClause"),
        @JsonSubTypes.Type(value = ChildrenRules.class, name = "ChildrenRules"),
        @JsonSubTypes.Type(value = AreaStatement.class, name = "AreaStatement"),
        @JsonSubTypes.Type(value = AppPermission.class, name = "AppPermission"),
        @JsonSubTypes.Type(value = AppSdk.class, name = "AppSdk"),
        @JsonSubTypes.Type(value = AppInfo.class, name = "AppInfo"),
        @JsonSubTypes.Type(value = CollectionDenial.class, name = "CollectionDenial")
})
public interface Fact {
    List<Citation> citations();
}
