package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Copies of a fact with other citations. Facts are records with a {@code citations} component; one generic copy
 * through the canonical constructor keeps the thirty-odd fact types free of a copy method each.
 */
final class FactCopies {
    private FactCopies() {
    }

    static Fact withCitations(Fact fact, List<Citation> citations) {
        Class<?> type = fact.getClass();
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals("citations")
                        ? List.copyOf(citations) : components[i].getAccessor().invoke(fact);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return (Fact) canonical.newInstance(values);
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new IllegalStateException("cannot copy " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot copy " + type.getName(), e.getCause());
        }
    }
}
