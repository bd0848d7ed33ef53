package org.skvmoip.firmware.subset;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skvmoip.firmware.subset.fixtures.ApiFixtures;
import org.skvmoip.protocol.subsetfixture.UsesFirmware;

/** mcu-hal, protocol and mcu-app keep to the JDK allow-list and layering, and each rule catches a breach. */
class EmbeddedSubsetRulesTest {

    @TestFactory
    Stream<DynamicTest> firmwareKeepsEveryRule() {
        JavaClasses firmware = FirmwareClasses.production();
        return EmbeddedSubsetRules.ALL.stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(firmware)));
    }

    static Stream<Arguments> breaches() {
        return Stream.of(
                Arguments.of(EmbeddedSubsetRules.MCU_APP_USES_ONLY_ITSELF_MCU_HAL_AND_THE_ALLOW_LIST,
                        ApiFixtures.UsesHashMap.class, "java.util.HashMap"),
                Arguments.of(EmbeddedSubsetRules.MCU_APP_USES_ONLY_ITSELF_MCU_HAL_AND_THE_ALLOW_LIST,
                        ApiFixtures.UsesAnotherLibrary.class, "org.objectweb.asm.Type"),
                Arguments.of(EmbeddedSubsetRules.NO_NIO, ApiFixtures.UsesNio.class, "java.nio.ByteBuffer"),
                Arguments.of(EmbeddedSubsetRules.NO_FUNCTIONAL_INTERFACES, ApiFixtures.UsesFunction.class,
                        "java.util.function.IntSupplier"),
                Arguments.of(EmbeddedSubsetRules.NO_STREAMS, ApiFixtures.UsesStream.class,
                        "java.util.stream.IntStream"),
                Arguments.of(EmbeddedSubsetRules.NO_CONCURRENT, ApiFixtures.UsesConcurrent.class,
                        "java.util.concurrent.atomic.AtomicInteger"),
                Arguments.of(EmbeddedSubsetRules.NO_JAVA_TIME, ApiFixtures.UsesJavaTime.class, "java.time.Instant"),
                Arguments.of(EmbeddedSubsetRules.NO_REGEX, ApiFixtures.UsesRegex.class, "java.util.regex.Pattern"),
                Arguments.of(EmbeddedSubsetRules.NO_REFLECTION, ApiFixtures.UsesReflection.class,
                        "java.lang.reflect.Method"),
                Arguments.of(EmbeddedSubsetRules.NO_OPTIONAL, ApiFixtures.UsesOptional.class, "java.util.Optional"),
                Arguments.of(EmbeddedSubsetRules.NO_SERIALIZATION, ApiFixtures.IsSerializable.class,
                        "java.io.Serializable"),
                Arguments.of(EmbeddedSubsetRules.NO_STRING_FORMAT_OR_REGEX_METHODS, ApiFixtures.FormatsString.class,
                        "String.format"),
                Arguments.of(EmbeddedSubsetRules.NO_STRING_FORMAT_OR_REGEX_METHODS, ApiFixtures.SplitsString.class,
                        "String.split"),
                Arguments.of(EmbeddedSubsetRules.NO_REFLECTIVE_CLASS_METHODS, ApiFixtures.LoadsClassByName.class,
                        "Class.forName"),
                Arguments.of(EmbeddedSubsetRules.ARRAYS_FILL_AND_COPY_ONLY, ApiFixtures.SortsArrays.class,
                        "Arrays.sort"),
                Arguments.of(EmbeddedSubsetRules.NO_ENUMS, ApiFixtures.IsEnum.class, "is an enum"));
    }

    @ParameterizedTest(name = "{1} breaks: {0}")
    @MethodSource("breaches")
    void eachRuleReportsAFixtureThatBreaksIt(ArchRule rule, Class<?> fixture, String expectedInReport) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));

        assertThat(result.hasViolation()).as("%s reported by %s", fixture.getSimpleName(), rule).isTrue();
        assertThat(result.getFailureReport().toString()).contains(fixture.getName()).contains(expectedInReport);
    }

    @Test
    void aLayerThatMayNotUseMcuHalIsReportedWhenItDoes() {
        ArchRule halLike = EmbeddedSubsetRules.layerUsesOnly("org.skvmoip.firmware.subset.fixtures..");

        EvaluationResult result = halLike.evaluate(new ClassFileImporter().importClasses(ApiFixtures.UsesHal.class));

        assertThat(result.getFailureReport().toString()).contains("org.skvmoip.hal.SpiDevice");
    }

    @Test
    void theProtocolModuleIsReportedWhenItUsesTheFirmware() {
        EvaluationResult result = EmbeddedSubsetRules.PROTOCOL_USES_ONLY_ITSELF_MCU_HAL_AND_THE_ALLOW_LIST
                .evaluate(new ClassFileImporter().importClasses(UsesFirmware.class));

        assertThat(result.getFailureReport().toString()).contains(UsesFirmware.class.getName())
                .contains("org.skvmoip.firmware.w5500.SpiFrame");
    }

    @Test
    void theFirmwareMayUseTheProtocolModule() {
        EvaluationResult result = EmbeddedSubsetRules.MCU_APP_USES_ONLY_ITSELF_MCU_HAL_AND_THE_ALLOW_LIST
                .allowEmptyShould(true).evaluate(new ClassFileImporter().importClasses(ApiFixtures.UsesProtocol.class));

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void primitivesArraysTheAllowListAndMcuHalAreAllowedInMcuApp() {
        JavaClasses compliant = new ClassFileImporter().importClasses(ApiFixtures.Compliant.class);

        for (ArchRule rule : EmbeddedSubsetRules.ALL) {
            assertThat(rule.allowEmptyShould(true).evaluate(compliant).getFailureReport().toString())
                    .as(rule.getDescription()).doesNotContain(ApiFixtures.Compliant.class.getName());
        }
    }
}
