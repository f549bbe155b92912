package dev.policygate.rules.sandbox;

/**
 * Something in the compiled rules that the sandbox refuses: where it is (generated class and method, the DRL rule or
 * function it came from when known) and what it is ({@code what}, e.g. {@code java/lang/Class.getResource}).
 */
public record Violation(String className, String methodName, String rule, String what, String message) {
    Violation withRule(String r) {
        return new Violation(className, methodName, r, what, message);
    }
}
