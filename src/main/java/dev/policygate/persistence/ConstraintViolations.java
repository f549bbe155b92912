package dev.policygate.persistence;

/** Recognises a unique or primary-key violation however the transaction layer wrapped it. */
final class ConstraintViolations {
    private ConstraintViolations() {
    }

    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
