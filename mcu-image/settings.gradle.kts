// The device image of the module: a MicroEJ SDK 6 application project (docs/device-build.md,
// "The MicroEJ application project"). Not part of the Maven build: MicroEJ's Gradle plugin and
// VEE Port come from MicroEJ's repositories, which this repository's build does not use.
rootProject.name = "skvmoip-module-image"
