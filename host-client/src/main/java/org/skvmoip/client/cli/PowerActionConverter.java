package org.skvmoip.client.cli;

import org.skvmoip.client.api.PowerAction;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "force-off" and friends as the API spells them. */
final class PowerActionConverter implements ITypeConverter<PowerAction> {

    @Override
    public PowerAction convert(String value) {
        try {
            return PowerAction.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
