package org.skvmoip.sim.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class files of one class-path entry: a directory such as target/classes, or a jar.
 *
 * <p>Sizes are counted without debug attributes (line numbers, local variable tables, source
 * file names): the build keeps them so test stack traces have line numbers, but the device
 * image, linked by MicroEJ's SOAR, does not carry them, so they are not what takes flash.
 * {@link Entry#linkedBytes()} also leaves out compile-time constant fields ({@code static final}
 * primitives and strings with a ConstantValue attribute, JVMS §4.7.2): javac copies their values
 * into every use (JLS §13.1), so nothing reads the field at run time and a linker that keeps only
 * what the code uses has nothing of it to keep. Register maps and protocol constants are most
 * of that difference.
 */
public final class ClassFiles {

    /**
     * One class file; {@code bytes} is its size with its debug attributes removed,
     * {@code linkedBytes} that size also without compile-time constant fields, and
     * {@code references} the classes its constant pool names (dotted names).
     */
    public record Entry(String className, long bytes, long linkedBytes, Set<String> references) {
        public Entry {
            references = Set.copyOf(references);
        }

        public String packageName() {
            int dot = className.lastIndexOf('.');
            return dot < 0 ? "" : className.substring(0, dot);
        }
    }

    /** JVMS §4.4: the tag of a CONSTANT_Class constant pool entry. */
    private static final int CONSTANT_CLASS = 7;

    private ClassFiles() {
    }

    /** The directory or jar that {@code type} was loaded from. */
    public static Path codeSourceOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalArgumentException(type.getName() + " has no code source (a JDK class?)");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("code source of " + type.getName() + ": " + source.getLocation(), e);
        }
    }

    /** Every {@code .class} file in {@code classPathEntry} except module-info and package-info. */
    public static List<Entry> in(Path classPathEntry) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, byte[]> classFile : contents(classPathEntry).entrySet()) {
            entries.add(entry(classFile.getKey(), classFile.getValue()));
        }
        return entries;
    }

    /** The bytes of every class file in {@code classPathEntry}, by class name, as {@link #in} lists them. */
    public static Map<String, byte[]> contents(Path classPathEntry) {
        try {
            return Files.isDirectory(classPathEntry) ? inDirectory(classPathEntry) : inJar(classPathEntry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list class files in " + classPathEntry, e);
        }
    }

    private static Map<String, byte[]> inDirectory(Path root) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (isClassFile(relative)) {
                    entries.put(className(relative), Files.readAllBytes(file));
                }
            }
        }
        return entries;
    }

    private static Map<String, byte[]> inJar(Path jar) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (isClassFile(entry.getName()) && !entry.getName().startsWith("META-INF/")) {
                    try (var in = file.getInputStream(entry)) {
                        entries.put(className(entry.getName()), in.readAllBytes());
                    }
                }
            }
        }
        return entries;
    }

    private static Entry entry(String className, byte[] classFile) {
        return new Entry(className, withoutDebugInfo(classFile), withoutDebugInfoOrConstantFields(classFile),
                referencedClasses(classFile));
    }

    /**
     * The classes a class file's constant pool names (CONSTANT_Class entries: superclass,
     * interfaces, instantiations, calls, field owners, casts; array types by their element).
     */
    static Set<String> referencedClasses(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        Set<String> names = new HashSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && classFile[offset - 1] == CONSTANT_CLASS) {
                String name = reader.readUTF8(offset, buffer);
                int element = name.indexOf('L');
                if (name.startsWith("[")) {
                    if (element < 0) {
                        continue; // an array of primitives
                    }
                    name = name.substring(element + 1, name.length() - 1);
                }
                names.add(name.replace('/', '.'));
            }
        }
        return names;
    }

    /** The size of {@code classFile} rewritten without its debug attributes. */
    static long withoutDebugInfo(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(writer, ClassReader.SKIP_DEBUG);
        return writer.toByteArray().length;
    }

    /**
     * The size of {@code classFile} rewritten without debug attributes and without its
     * compile-time constant fields; the constant pool is rebuilt, so their names and values go too.
     */
    static long withoutDebugInfoOrConstantFields(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                boolean constant = (access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_FINAL) != 0 && value != null;
                return constant ? null : super.visitField(access, name, descriptor, signature, value);
            }
        }, ClassReader.SKIP_DEBUG);
        return writer.toByteArray().length;
    }

    private static boolean isClassFile(String path) {
        return path.endsWith(".class") && !path.endsWith("module-info.class") && !path.endsWith("package-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
