package org.skvmoip.client.api;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The events socket: the whole state of a machine whenever something of it changes (module
 * link, power or HDD LED, keyboard LEDs, USB, controller), and of every watched machine on
 * opening. Events carry state, not changes: replace what you knew of the machine.
 */
public final class EventStream implements AutoCloseable {

    static final int MAX_MESSAGE_BYTES = 64 << 10;

    /** Receives machine states. */
    public interface Listener extends SocketListener {
        void onMachine(MachineState machine);
    }

    private final Assembler assembler;

    private EventStream(Assembler assembler) {
        this.assembler = assembler;
    }

    /** Every machine, or only {@code machine} when present. */
    static EventStream open(ServerConnection connection, Optional<String> machine, Listener listener)
            throws ClientException {
        Assembler assembler = new Assembler(listener);
        String query = machine.map(m -> "?machine=" + ServerConnection.segment(m)).orElse("");
        assembler.attach(connection.openSocket("/api/events" + query, assembler));
        return new EventStream(assembler);
    }

    @Override
    public void close() {
        assembler.close();
    }

    private static final class Assembler extends MessageAssembler {
        private final Listener listener;

        Assembler(Listener listener) {
            super(MAX_MESSAGE_BYTES, listener);
            this.listener = listener;
        }

        @Override
        void text(String message) {
            MachineState machine;
            try {
                JsonNode event = ApiJson.MAPPER.readTree(message);
                if (!"machine".equals(event.path("type").asText())) {
                    return; // a kind of event a later server added
                }
                machine = ApiJson.MAPPER.treeToValue(event.get("machine"), MachineState.class);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("an event this client cannot read: " + e.getMessage(), e);
            }
            if (machine == null || machine.name() == null) {
                throw new IllegalArgumentException("a machine event without a machine");
            }
            listener.onMachine(machine);
        }
    }
}
