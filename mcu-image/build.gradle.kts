// MicroEJ SDK 6 application (MicroEJ docs: SDK6UserGuide/createProject.rst, "Application
// Project"; buildExecutable.rst). `./gradlew buildExecutable -PveePort=<VEE Port directory>`
// links the application with the VEE Port and the BSP into the image to flash.
plugins {
    id("com.microej.gradle.application") version "1.6.0"
}

group = "org.skvmoip"
version = "0.1.0"

microej {
    // What the MCU runs after every power-up and reset: starts the watchdog, builds the firmware
    // from the Stm32F401Board and its flash settings, runs the main loop.
    applicationEntryPoint = "org.skvmoip.firmware.ModuleMain"
}

// One source of truth: the embedded-subset sources that the Maven build compiles and tests,
// used in place, never copied. The simulator, server and clients are not part of the image.
sourceSets {
    main {
        java {
            setSrcDirs(listOf("../mcu-hal/src/main/java", "../protocol/src/main/java", "../mcu-app/src/main/java"))
        }
    }
}

dependencies {
    // EDC: java.lang and java.util as MicroEJ implements them (the only library the firmware uses).
    implementation("ej.api:edc:1.3.7")

    val veePort = providers.gradleProperty("veePort").orNull
        ?: throw GradleException("Name the STM32F401 VEE Port: -PveePort=<its directory> (docs/device-build.md)")
    microejVee(files(veePort))
}
