package org.skvmoip.server.api.socket;

import java.util.Optional;

import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.SocketEndpoint;
import org.skvmoip.server.api.endpoint.MachineLookup;

import io.netty.channel.ChannelHandler;

/** GET /api/events[?machine=name] as a WebSocket: a machine's state as JSON text on every change. */
public final class EventsEndpoint implements SocketEndpoint {

    private final MachineLookup machines;
    private final StatusEvents events;

    public EventsEndpoint(MachineLookup machines, StatusEvents events) {
        this.machines = machines;
        this.events = events;
    }

    @Override
    public ChannelHandler open(ApiRequest request) throws ApiException {
        Optional<String> machine = request.query("machine");
        if (machine.isPresent()) {
            machines.known(machine.get());
        }
        return new EventsSocket(events, machine, request.caller().rights());
    }

    @Override
    public int maxFramePayload() {
        return 1024;
    }
}
