package org.skvmoip.server.api;

import java.util.Optional;

import org.skvmoip.server.auth.AuditLog;
import org.skvmoip.server.auth.LoginThrottle;
import org.skvmoip.server.auth.Sessions;
import org.skvmoip.server.auth.UserStore;
import org.skvmoip.server.config.Inventory;
import org.skvmoip.server.input.ControlSeats;
import org.skvmoip.server.input.Typist;
import org.skvmoip.server.metrics.Metrics;
import org.skvmoip.server.module.ModuleService;
import org.skvmoip.server.power.PowerControl;
import org.skvmoip.server.stream.VideoService;

/**
 * Everything the API serves, owned by whoever starts the server (the API closes none of them).
 *
 * @param metrics      the server's metrics, rendered on each scrape of /metrics; the API feeds the
 *                     bytes sent and frames dropped of its video sockets into it
 * @param metricsToken the scraper's token; empty: /metrics takes only users' session tokens
 */
public record ApiBackends(Inventory inventory, VideoService video, ModuleService modules, UserStore users,
        Sessions sessions, LoginThrottle throttle, AuditLog audit, Typist typist, ControlSeats seats,
        PowerControl power, Metrics metrics,
        Optional<MetricsToken> metricsToken) {
}
