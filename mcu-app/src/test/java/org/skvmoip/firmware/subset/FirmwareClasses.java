package org.skvmoip.firmware.subset;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The compiled production classes of mcu-hal, protocol and mcu-app, as they sit on this module's
 * test class path (mcu-hal and protocol as their jars or target/classes, mcu-app as
 * target/classes). Test classes, fixtures
 * included, are left out. Imported once and shared by the subset tests.
 */
final class FirmwareClasses {

    static final String[] ROOT_PACKAGES = {"org.skvmoip.hal", "org.skvmoip.protocol", "org.skvmoip.firmware"};

    private static JavaClasses production;

    private FirmwareClasses() {
    }

    static synchronized JavaClasses production() {
        if (production == null) {
            production = new ClassFileImporter()
                    .withImportOption(new ImportOption.DoNotIncludeTests())
                    .importPackages(ROOT_PACKAGES);
        }
        return production;
    }
}
