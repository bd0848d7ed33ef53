package org.skvmoip.server.api;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static org.skvmoip.server.api.Route.Access.METRICS;
import static org.skvmoip.server.api.Route.Access.PUBLIC;
import static org.skvmoip.server.api.Route.Access.USER;
import static org.skvmoip.server.api.Permission.ADMINISTER;
import static org.skvmoip.server.api.Permission.CONTROL;
import static org.skvmoip.server.api.Permission.EVERY_MACHINE;
import static org.skvmoip.server.api.Permission.VIEW;

import java.util.concurrent.Executor;

import org.skvmoip.server.api.endpoint.KeyboardEndpoints;
import org.skvmoip.server.api.endpoint.LoginEndpoints;
import org.skvmoip.server.api.endpoint.MachineEndpoints;
import org.skvmoip.server.api.endpoint.MachineLookup;
import org.skvmoip.server.api.endpoint.MachineViews;
import org.skvmoip.server.api.endpoint.MetricsEndpoint;
import org.skvmoip.server.api.endpoint.ModuleEndpoints;
import org.skvmoip.server.api.endpoint.PowerEndpoint;
import org.skvmoip.server.api.endpoint.SessionEndpoint;
import org.skvmoip.server.api.endpoint.SnapshotEndpoint;
import org.skvmoip.server.api.socket.EventsEndpoint;
import org.skvmoip.server.api.socket.InputEndpoint;
import org.skvmoip.server.api.socket.StatusEvents;
import org.skvmoip.server.api.socket.VideoEndpoint;
import org.skvmoip.server.api.socket.ViewerTraffic;

/** Every route of the API in one table, with what a caller needs for it; docs/api.md describes each. */
final class ApiRoutes {

    private ApiRoutes() {
    }

    static Router build(ApiBackends b, ApiAudit audit, MachineViews views, StatusEvents events, ViewerTraffic traffic, Executor workers, Executor inputRelay) {
        MachineLookup machines = new MachineLookup(b.inventory(), b.modules());
        LoginEndpoints login = new LoginEndpoints(b.users(), b.secondFactors(), b.secondFactorRequiredForAdmins(),
                b.sessions(), b.throttle(), audit);
        MachineEndpoints list = new MachineEndpoints(views);
        KeyboardEndpoints keyboard = new KeyboardEndpoints(machines, b.seats(), b.typist(), b.layouts(), audit);
        ModuleEndpoints modules = new ModuleEndpoints(machines, b.modules(), audit);
        return new Router()
                .add(new Route(POST, "/api/login", PUBLIC, (HttpEndpoint) login::login))
                .add(new Route(POST, "/api/logout", USER, (HttpEndpoint) login::logout))
                .add(new Route(GET, "/api/session", USER, (HttpEndpoint) new SessionEndpoint(b.sessions())::handle))
                .add(new Route(GET, "/api/machines", USER, (HttpEndpoint) list::list))
                .add(new Route(GET, "/api/machines/{name}", USER, VIEW, (HttpEndpoint) list::one))
                .add(new Route(POST, "/api/machines/{name}/power", USER, CONTROL,
                        (HttpEndpoint) new PowerEndpoint(machines, b.power(), audit)::handle))
                .add(new Route(POST, "/api/machines/{name}/type", USER, CONTROL, (HttpEndpoint) keyboard::type))
                .add(new Route(POST, "/api/machines/{name}/keys", USER, CONTROL, (HttpEndpoint) keyboard::keys))
                .add(new Route(GET, "/api/machines/{name}/snapshot", USER, VIEW,
                        (HttpEndpoint) new SnapshotEndpoint(machines, b.video(), audit)::handle))
                .add(new Route(POST, "/api/machines/{name}/adopt", USER, ADMINISTER, (HttpEndpoint) modules::adopt))
                .add(new Route(GET, "/api/modules/discover", USER, ADMINISTER, (HttpEndpoint) modules::discover))
                .add(new Route(GET, "/api/machines/{name}/video", USER, VIEW,
                        new VideoEndpoint(machines, b.video(), traffic, workers, audit)))
                .add(new Route(GET, "/api/machines/{name}/input", USER, CONTROL,
                        new InputEndpoint(machines, b.seats(), inputRelay, audit)))
                .add(new Route(GET, "/api/events", USER, VIEW, new EventsEndpoint(machines, events)))
                .add(new Route(GET, "/metrics", METRICS, EVERY_MACHINE,
                        (HttpEndpoint) new MetricsEndpoint(b.metrics())::handle));
    }
}
