package org.skvmoip.firmware.subset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.firmware.subset.ClassFileSubsetScanner.Rule.CLASS_FILE_VERSION;
import static org.skvmoip.firmware.subset.ClassFileSubsetScanner.Rule.ENUM;
import static org.skvmoip.firmware.subset.ClassFileSubsetScanner.Rule.INTERFACE_METHOD_BODY;
import static org.skvmoip.firmware.subset.ClassFileSubsetScanner.Rule.INVOKEDYNAMIC;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skvmoip.firmware.subset.ClassFileSubsetScanner.Rule;
import org.skvmoip.firmware.subset.ClassFileSubsetScanner.Violation;
import org.skvmoip.firmware.subset.fixtures.ClassFileFixtures;
import org.skvmoip.firmware.w5500.SpiFrame;

/** The firmware's class files stay in the embedded subset, and the scanner sees each breach. */
class ClassFileSubsetScannerTest {

    @Test
    void firmwareClassFilesUseNoInvokedynamicNoInterfaceBodiesNoEnumsAndJava8Format() {
        List<Violation> found = FirmwareClasses.production().stream()
                .flatMap(c -> ClassFileSubsetScanner.scan(c.getSource().orElseThrow().getUri()).stream())
                .toList();

        assertThat(found).as("class files outside the embedded subset (DESIGN.md)").isEmpty();
    }

    @Test
    void theScanCoversEveryFirmwareModuleAndNoTestClasses() {
        List<String> names = FirmwareClasses.production().stream().map(JavaClass::getName).toList();

        assertThat(names).contains("org.skvmoip.hal.SpiDevice", "org.skvmoip.hal.stm32.Stm32F401Board",
                "org.skvmoip.protocol.FrameDecoder", "org.skvmoip.firmware.w5500.SpiFrame");
        assertThat(names).noneMatch(name -> name.startsWith("org.skvmoip.firmware.subset"));
        assertThat(names).noneMatch(name -> name.startsWith("org.skvmoip.protocol") && name.endsWith("Test"));
    }

    @Test
    void aJava8ClassWithoutForbiddenByteCodeHasNoFindings() {
        assertThat(ClassFileSubsetScanner.scan(SpiFrame.class)).isEmpty();
    }

    @Test
    void aLambdaIsReportedWithItsClassAndMethod() {
        assertThat(findings(ClassFileFixtures.WithLambda.class, INVOKEDYNAMIC))
                .singleElement().hasToString(ClassFileFixtures.WithLambda.class.getName()
                        + ".task(int): invokedynamic: a lambda or method reference; write a small named class instead");
    }

    @Test
    void aMethodReferenceIsReported() {
        assertThat(findings(ClassFileFixtures.WithMethodReference.class, INVOKEDYNAMIC))
                .singleElement().extracting(Violation::method).isEqualTo("task()");
    }

    @Test
    void stringConcatenationCompiledForJava9PlusIsReported() {
        assertThat(findings(ClassFileFixtures.WithIndyStringConcat.class, INVOKEDYNAMIC))
                .singleElement().extracting(Violation::detail).asString().contains("string concatenation");
    }

    @Test
    void defaultStaticAndPrivateInterfaceMethodsAreReported() {
        assertThat(findings(ClassFileFixtures.InterfaceWithBodies.class, INTERFACE_METHOD_BODY))
                .extracting(Violation::toString)
                .containsExactlyInAnyOrder(
                        ClassFileFixtures.InterfaceWithBodies.class.getName()
                                + ".withDefault(): default method in an interface; Java 7 interfaces have"
                                + " abstract methods only: move the body into a class",
                        ClassFileFixtures.InterfaceWithBodies.class.getName()
                                + ".withStatic(byte[]): static method in an interface; Java 7 interfaces have"
                                + " abstract methods only: move the body into a class",
                        ClassFileFixtures.InterfaceWithBodies.class.getName()
                                + ".helper(): private method in an interface; Java 7 interfaces have"
                                + " abstract methods only: move the body into a class");
    }

    @Test
    void anInterfaceStaticInitializerIsAllowed() {
        assertThat(ClassFileSubsetScanner.scan(ClassFileFixtures.InterfaceWithStaticInitializer.class))
                .extracting(Violation::rule).containsOnly(CLASS_FILE_VERSION);
    }

    @Test
    void anEnumIsReported() {
        assertThat(findings(ClassFileFixtures.AnEnum.class, ENUM)).singleElement()
                .hasToString(ClassFileFixtures.AnEnum.class.getName() + ": enum; the firmware uses int constants");
    }

    @Test
    void aClassFileNewerThanJava8IsReported() {
        // Test sources compile at Java 17, so every fixture is class file version 61.
        assertThat(findings(ClassFileFixtures.InterfaceWithStaticInitializer.class, CLASS_FILE_VERSION))
                .singleElement().extracting(Violation::detail)
                .isEqualTo("class file version 61 (Java 17) is above 52 (Java 8); compile with --release 8");
    }

    private static List<Violation> findings(Class<?> fixture, Rule rule) {
        return ClassFileSubsetScanner.scan(fixture).stream().filter(v -> v.rule() == rule).toList();
    }
}
