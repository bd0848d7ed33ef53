package org.skvmoip.server.api.socket;

import java.util.concurrent.Executor;

import org.skvmoip.server.api.ApiAudit;
import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.api.ApiRequest;
import org.skvmoip.server.api.SocketEndpoint;
import org.skvmoip.server.api.endpoint.MachineLookup;
import org.skvmoip.server.input.ControlSeats;

import io.netty.channel.ChannelHandler;

/** GET /api/machines/{name}/input as a WebSocket: JSON text messages of keyboard and mouse state. */
public final class InputEndpoint implements SocketEndpoint {

    private final MachineLookup machines;
    private final ControlSeats seats;
    private final Executor relay;
    private final ApiAudit audit;

    public InputEndpoint(MachineLookup machines, ControlSeats seats, Executor relay, ApiAudit audit) {
        this.machines = machines;
        this.seats = seats;
        this.relay = relay;
        this.audit = audit;
    }

    @Override
    public ChannelHandler open(ApiRequest request) throws ApiException {
        return new InputSocket(request.machine(), machines.control(request.machine()), seats,
                request.caller(), audit, relay);
    }

    /** The largest valid message (16 keys, spaces) is a few hundred bytes. */
    @Override
    public int maxFramePayload() {
        return 4096;
    }
}
