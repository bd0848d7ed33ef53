package org.skvmoip.server.api;

import io.netty.channel.ChannelHandler;

/**
 * A WebSocket endpoint: checks the upgrade request (runs on the event loop, so only quick checks)
 * and makes the handler that serves the socket once the handshake is done.
 */
public interface SocketEndpoint extends Route.Endpoint {

    /** An ApiException here answers the upgrade request with an HTTP error (404 unknown machine...). */
    ChannelHandler open(ApiRequest request) throws ApiException;

    /** The largest frame a client may send on this socket; larger ones close it (1009). */
    int maxFramePayload();
}
