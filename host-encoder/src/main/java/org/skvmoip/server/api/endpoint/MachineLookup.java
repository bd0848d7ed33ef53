package org.skvmoip.server.api.endpoint;

import org.skvmoip.server.api.ApiException;
import org.skvmoip.server.config.Inventory;
import org.skvmoip.server.config.MachineConfig;
import org.skvmoip.server.module.MachineControl;
import org.skvmoip.server.module.ModuleService;
import org.skvmoip.server.module.ModuleStatus;

/** Finds the machine a request names, or says why it cannot be used: unknown, no module, offline. */
public final class MachineLookup {

    private final Inventory inventory;
    private final ModuleService modules;

    public MachineLookup(Inventory inventory, ModuleService modules) {
        this.inventory = inventory;
        this.modules = modules;
    }

    /** 404 when the inventory has no machine of that name. */
    public MachineConfig known(String name) throws ApiException {
        return inventory.machine(name).orElseThrow(() -> unknown(name));
    }

    /** The answer for a machine that does not exist, and so for one the caller is not granted. */
    public static ApiException unknown(String name) {
        return ApiException.notFound("no machine named '" + name + "'; GET /api/machines lists them");
    }

    /** 409 when the machine has no module (it has video only, so no keyboard, mouse or power). */
    public MachineControl control(String name) throws ApiException {
        known(name);
        return modules.machine(name).orElseThrow(() -> ApiException.conflict("machine '" + name
                + "' has no module: it has video only; add its module's address to the inventory for input and power"));
    }

    /** 503 while the machine's module link is down, with the link's own reason. */
    public MachineControl online(String name) throws ApiException {
        MachineControl control = control(name);
        ModuleStatus status = control.status();
        if (!status.online()) {
            throw ApiException.unavailable("the module of '" + name + "' is offline"
                    + (status.problem().isEmpty() ? "" : " (" + status.problem() + ")")
                    + "; check its network cable and power, the server reconnects by itself");
        }
        return control;
    }
}
