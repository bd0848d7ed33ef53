package org.skvmoip.firmware.subset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads class files and reports what the embedded subset (DESIGN.md, "The embedded subset") does
 * not allow in byte code: {@code invokedynamic}, interface methods with a body, class files newer
 * than Java 8, enums. These are checked in the class files rather than the sources because
 * javac decides them (a {@code +} on strings becomes {@code invokedynamic} above Java 8).
 */
public final class ClassFileSubsetScanner {

    /** Java 8; MicroEJ's VM loads nothing newer. */
    public static final int MAX_MAJOR_VERSION = 52;

    public enum Rule { INVOKEDYNAMIC, INTERFACE_METHOD_BODY, CLASS_FILE_VERSION, ENUM }

    /** One finding; {@code method} is empty for findings about the class as a whole. */
    public record Violation(Rule rule, String className, String method, String detail) {
        @Override
        public String toString() {
            return className + (method.isEmpty() ? "" : "." + method) + ": " + detail;
        }
    }

    private ClassFileSubsetScanner() {
    }

    public static List<Violation> scan(byte[] classFile) {
        List<Violation> found = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassScan(found), ClassReader.SKIP_DEBUG);
        return found;
    }

    /** Scans the class file that {@code type} was loaded from. */
    public static List<Violation> scan(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no class file " + resource + " next to " + type);
            }
            return scan(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scans a class file by its location, e.g. a {@code file:} or {@code jar:} URI from ArchUnit. */
    public static List<Violation> scan(URI classFile) {
        try (InputStream in = classFile.toURL().openStream()) {
            return scan(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classFile, e);
        }
    }

    private static final class ClassScan extends ClassVisitor {
        private final List<Violation> found;
        private String className;
        private boolean isInterface;

        ClassScan(List<Violation> found) {
            super(Opcodes.ASM9);
            this.found = found;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = Type.getObjectType(name).getClassName();
            isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            int major = version & 0xFFFF;
            if (major > MAX_MAJOR_VERSION) {
                found.add(new Violation(Rule.CLASS_FILE_VERSION, className, "",
                        "class file version " + major + " (Java " + (major - 44) + ") is above "
                                + MAX_MAJOR_VERSION + " (Java 8); compile with --release 8"));
            }
            if ((access & Opcodes.ACC_ENUM) != 0) {
                found.add(new Violation(Rule.ENUM, className, "",
                        "enum; the firmware uses int constants"));
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            String method = readable(name, descriptor);
            if (isInterface && (access & Opcodes.ACC_ABSTRACT) == 0 && !"<clinit>".equals(name)) {
                found.add(new Violation(Rule.INTERFACE_METHOD_BODY, className, method,
                        interfaceMethodKind(access) + " in an interface; Java 7 interfaces have"
                                + " abstract methods only: move the body into a class"));
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                        Object... bootstrapArguments) {
                    found.add(new Violation(Rule.INVOKEDYNAMIC, className, method,
                            "invokedynamic: " + explain(bootstrap)));
                }
            };
        }

        private static String interfaceMethodKind(int access) {
            if ((access & Opcodes.ACC_STATIC) != 0) {
                return "static method";
            }
            return (access & Opcodes.ACC_PRIVATE) != 0 ? "private method" : "default method";
        }

        private static String explain(Handle bootstrap) {
            switch (bootstrap.getOwner()) {
                case "java/lang/invoke/LambdaMetafactory":
                    return "a lambda or method reference; write a small named class instead";
                case "java/lang/invoke/StringConcatFactory":
                    return "string concatenation compiled for Java 9+; compile with --release 8";
                default:
                    return "bootstrap " + Type.getObjectType(bootstrap.getOwner()).getClassName()
                            + "." + bootstrap.getName();
            }
        }

        private static String readable(String name, String descriptor) {
            StringBuilder text = new StringBuilder(name).append('(');
            Type[] arguments = Type.getArgumentTypes(descriptor);
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ", ").append(arguments[i].getClassName());
            }
            return text.append(')').toString();
        }
    }
}
