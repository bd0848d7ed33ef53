package org.skvmoip.client.cli;

import java.util.List;

import org.skvmoip.client.api.ClientException;
import org.skvmoip.client.api.MachineState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "machines", description = "List the machines granted to you: name, online, power, HDD activity, viewers, controller,"
        + " your access (control, or view only).")
final class MachinesCommand extends Subcommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "print the machines as JSON, as GET /api/machines answers them")
    boolean json;

    @Override
    void run() throws ClientException {
        List<MachineState> machines = session().call(server -> server.machines());
        if (json) {
            try {
                out().println(JSON.writeValueAsString(machines));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the machines as JSON", e);
            }
        } else {
            out().print(MachineTable.format(machines));
        }
    }
}
