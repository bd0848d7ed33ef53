package org.skvmoip.firmware.subset;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What mcu-hal, protocol and mcu-app may use of the JDK (DESIGN.md, "The embedded subset"): MicroEJ's EDC
 * library on a 256 KB / 64 KB part has java.lang basics, a few java.io exceptions and a few
 * java.util classes. The allow-list is the gate; the explicit rules say why a common mistake is
 * one. A class is added to the allow-list only after checking that EDC has it.
 */
public final class EmbeddedSubsetRules {

    public static final String HAL = "org.skvmoip.hal..";
    public static final String FIRMWARE = "org.skvmoip.firmware..";
    /** The wire protocol module: firmware code that the servers run too. */
    public static final String PROTOCOL = "org.skvmoip.protocol..";

    public static final List<Class<?>> ALLOWED_JDK_CLASSES = List.of(
            // java.lang basics
            Object.class, String.class, StringBuilder.class, Math.class, System.class,
            Thread.class, Runnable.class,
            Integer.class, Long.class, Short.class, Byte.class, Boolean.class, Character.class,
            // throwables
            Throwable.class, Exception.class, RuntimeException.class, Error.class,
            IllegalArgumentException.class, IllegalStateException.class,
            IndexOutOfBoundsException.class, ArrayIndexOutOfBoundsException.class,
            NullPointerException.class, UnsupportedOperationException.class, InterruptedException.class,
            // java.io
            IOException.class, EOFException.class,
            // java.util (methods limited by ARRAYS_FILL_AND_COPY_ONLY)
            Arrays.class);

    /** The java.util.Arrays methods the firmware may call. */
    public static final Set<String> ALLOWED_ARRAYS_METHODS = Set.of("fill", "copyOf", "copyOfRange");

    public static final DescribedPredicate<JavaClass> ALLOWED_JDK = DescribedPredicate.describe(
            "primitives or the JDK allow-list " + ALLOWED_JDK_CLASSES.stream().map(Class::getSimpleName)
                    .collect(Collectors.joining(", ", "[", "]")),
            EmbeddedSubsetRules::isAllowedJdk);

    public static final ArchRule MCU_HAL_USES_ONLY_ITSELF_AND_THE_ALLOW_LIST = layerUsesOnly(HAL);

    public static final ArchRule PROTOCOL_USES_ONLY_ITSELF_MCU_HAL_AND_THE_ALLOW_LIST = layerUsesOnly(PROTOCOL, HAL);

    public static final ArchRule MCU_APP_USES_ONLY_ITSELF_MCU_HAL_AND_THE_ALLOW_LIST =
            layerUsesOnly(FIRMWARE, PROTOCOL, HAL);

    public static final ArchRule NO_NIO = forbidPackage("java.nio..",
            "MicroEJ's VM has no NIO; use byte[] with explicit offsets");
    public static final ArchRule NO_FUNCTIONAL_INTERFACES = forbidPackage("java.util.function..",
            "lambdas are not in the subset; write a small named interface in the firmware");
    public static final ArchRule NO_STREAMS = forbidPackage("java.util.stream..",
            "streams allocate per element; loop over arrays");
    public static final ArchRule NO_CONCURRENT = forbidPackage("java.util.concurrent..",
            "MicroEJ has green threads and no java.util.concurrent; use synchronized, wait/notify"
                    + " or the HAL's InterruptLine");
    public static final ArchRule NO_JAVA_TIME = forbidPackage("java.time..",
            "time comes from the HAL's Clock (SysTick milliseconds)");
    public static final ArchRule NO_REGEX = forbidPackage("java.util.regex..",
            "regular expressions are not in EDC and allocate; parse bytes by hand");
    public static final ArchRule NO_REFLECTION = forbidPackage("java.lang.reflect..",
            "MicroEJ's SOAR strips what reflection would need; call code directly");
    public static final ArchRule NO_METHOD_HANDLES = forbidPackage("java.lang.invoke..",
            "method handles are not in the subset");

    public static final ArchRule NO_OPTIONAL = noFirmwareClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("java.util.Optional")
            .because("Optional is not in EDC and allocates; return a sentinel or a boolean");

    public static final ArchRule NO_SERIALIZATION = noFirmwareClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("java.io.Serializable")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.Externalizable")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectOutputStream")
            .because("Java serialization is not in the subset; wire formats are explicit byte layouts");

    public static final ArchRule NO_STRING_FORMAT_OR_REGEX_METHODS = noFirmwareClasses().should()
            .callMethodWhere(callTo(String.class, "format", "formatted", "matches", "replaceAll",
                    "replaceFirst", "split"))
            .because("String.format and the regex-backed String methods are not in EDC and allocate;"
                    + " use StringBuilder or parse by hand");

    public static final ArchRule NO_REFLECTIVE_CLASS_METHODS = noFirmwareClasses().should()
            .callMethodWhere(callTo(Class.class, "forName", "newInstance", "getMethod", "getMethods",
                    "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField",
                    "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
                    "getDeclaredConstructors"))
            .because("MicroEJ's SOAR keeps only the code it sees called; reflection finds nothing");

    public static final ArchRule ARRAYS_FILL_AND_COPY_ONLY = noFirmwareClasses().should()
            .callMethodWhere(DescribedPredicate.describe("a call to java.util.Arrays other than "
                            + ALLOWED_ARRAYS_METHODS,
                    call -> call.getTargetOwner().isEquivalentTo(Arrays.class)
                            && !ALLOWED_ARRAYS_METHODS.contains(call.getName())))
            .because("only fill and copy are known to be in EDC's Arrays without allocating collections");

    public static final ArchRule NO_ENUMS = noFirmwareClasses().should().beEnums()
            .because("the firmware uses int constants (an enum costs a class, its instances and values())");

    public static final List<ArchRule> ALL = List.of(
            MCU_HAL_USES_ONLY_ITSELF_AND_THE_ALLOW_LIST, PROTOCOL_USES_ONLY_ITSELF_MCU_HAL_AND_THE_ALLOW_LIST,
            MCU_APP_USES_ONLY_ITSELF_MCU_HAL_AND_THE_ALLOW_LIST,
            NO_NIO, NO_FUNCTIONAL_INTERFACES, NO_STREAMS, NO_CONCURRENT, NO_JAVA_TIME, NO_REGEX,
            NO_REFLECTION, NO_METHOD_HANDLES, NO_OPTIONAL, NO_SERIALIZATION,
            NO_STRING_FORMAT_OR_REGEX_METHODS, NO_REFLECTIVE_CLASS_METHODS, ARRAYS_FILL_AND_COPY_ONLY,
            NO_ENUMS);

    private EmbeddedSubsetRules() {
    }

    /**
     * Classes in {@code layer} depend only on themselves, on {@code mayUse} and on the JDK
     * allow-list.
     */
    public static ArchRule layerUsesOnly(String layer, String... mayUse) {
        String[] own = new String[mayUse.length + 1];
        own[0] = layer;
        System.arraycopy(mayUse, 0, own, 1, mayUse.length);
        return classes().that().resideInAPackage(layer)
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(own).or(ALLOWED_JDK))
                .because("the embedded subset (DESIGN.md) allows " + layer + " only " + String.join(", ", own)
                        + " and the JDK allow-list in " + EmbeddedSubsetRules.class.getSimpleName());
    }

    private static boolean isAllowedJdk(JavaClass type) {
        if (type.isArray()) {
            return isAllowedJdk(type.getBaseComponentType());
        }
        return type.isPrimitive() || ALLOWED_JDK_CLASSES.stream().anyMatch(type::isEquivalentTo);
    }

    private static ArchRule forbidPackage(String jdkPackage, String why) {
        return noFirmwareClasses().should().dependOnClassesThat().resideInAPackage(jdkPackage).because(why);
    }

    private static GivenClassesConjunction noFirmwareClasses() {
        return noClasses().that().resideInAnyPackage(HAL, PROTOCOL, FIRMWARE);
    }

    private static DescribedPredicate<JavaMethodCall> callTo(Class<?> owner, String... methods) {
        Set<String> names = Set.of(methods);
        return DescribedPredicate.describe("a call to " + owner.getName() + "." + String.join("/", methods),
                call -> call.getTargetOwner().isEquivalentTo(owner) && names.contains(call.getName()));
    }
}
