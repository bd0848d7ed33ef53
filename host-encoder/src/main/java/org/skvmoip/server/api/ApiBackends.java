package org.skvmoip.server.api;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.skvmoip.server.auth.AuditLog;
import org.skvmoip.server.auth.LoginThrottle;
import org.skvmoip.server.auth.Sessions;
import org.skvmoip.server.auth.UserStore;
import org.skvmoip.server.auth.totp.SecondFactors;
import org.skvmoip.server.config.Inventory;
import org.skvmoip.server.input.ControlSeats;
import org.skvmoip.server.input.KeyboardLayout;
import org.skvmoip.server.input.Typist;
import org.skvmoip.server.module.ModuleService;
import org.skvmoip.server.power.PowerControl;
import org.skvmoip.server.stream.VideoService;

/**
 * Everything the API serves, owned by whoever starts the server (the API closes none of them).
 *
 * @param layouts      keyboard layouts by name ("us"), for typing text
 * @param metrics      the Prometheus text of /metrics, rendered on each scrape (Metrics::render);
 *                     the video sockets' own counts are in {@link ApiServer#traffic()}
 * @param metricsToken the scraper's token; empty: /metrics takes only users' session tokens
 * @param secondFactorRequiredForAdmins whether an admin without a second factor is refused at login
 */
public record ApiBackends(Inventory inventory, VideoService video, ModuleService modules, UserStore users,
        SecondFactors secondFactors, boolean secondFactorRequiredForAdmins, Sessions sessions, LoginThrottle throttle, AuditLog audit, Typist typist, ControlSeats seats,
        PowerControl power, Map<String, KeyboardLayout> layouts, Supplier<String> metrics,
        Optional<MetricsToken> metricsToken) {
}
