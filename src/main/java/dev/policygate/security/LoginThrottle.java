package dev.policygate.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits failed logins (basic auth and the portal's form) per user name and per client address, so guessing
 * passwords is slow and a flood of wrong ones costs no bcrypt. Only failures count; a successful login clears its
 * user's count. Kept in memory: each replica counts on its own.
 */
@ApplicationScoped
public class LoginThrottle {
    private final FailureWindow perUser;
    private final FailureWindow perAddress;

    LoginThrottle(@ConfigProperty(name = "policygate.login.max-failures-per-user") int perUserLimit,
                  @ConfigProperty(name = "policygate.login.max-failures-per-address") int perAddressLimit,
                  @ConfigProperty(name = "policygate.login.failure-window") Duration window,
                  @ConfigProperty(name = "policygate.login.max-tracked") int maxTracked) {
        this.perUser = new FailureWindow(perUserLimit, window, maxTracked, Clock.systemUTC());
        this.perAddress = new FailureWindow(perAddressLimit, window, maxTracked, Clock.systemUTC());
    }

    /** Throws {@link LoginThrottledException} if the user name or the address has failed too often lately. */
    public void check(String username, String address) {
        Optional<Duration> user = perUser.blockedFor(username);
        if (user.isPresent()) {
            throw new LoginThrottledException("Too many failed logins for user " + username
                    + "; try again later.", user.get());
        }
        Optional<Duration> from = address == null ? Optional.empty() : perAddress.blockedFor(address);
        if (from.isPresent()) {
            throw new LoginThrottledException("Too many failed logins from this address; try again later.", from.get());
        }
    }

    public void failed(String username, String address) {
        perUser.recordFailure(username);
        if (address != null) {
            perAddress.recordFailure(address);
        }
    }

    public void succeeded(String username) {
        perUser.reset(username);
    }
}
