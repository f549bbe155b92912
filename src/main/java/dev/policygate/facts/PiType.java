package dev.policygate.facts;

/** A personal-information type, mapped to its GB/T 35273-2020 Annex A category and Annex B sensitivity. */
public record PiType(String name, String category, boolean sensitive) {
}
