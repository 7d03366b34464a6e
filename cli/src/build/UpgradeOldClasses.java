import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build step of the CLI jar: rewrites the class files under a prefix that are older than Java 8 (major version
 * below 52) as Java 8 class files with stack maps (which the type-checking verifier requires, with no fall-back),
 * their code otherwise unchanged. The JVM's AOT cache (scripts/apollo) leaves classes older than Java 6 out, so
 * picocli, compiled for Java 5, was read, verified by the old inferencing verifier and linked from the jar on every
 * command, a large part of {@code apollo validate}'s start. Run by the JDK as a source file:
 *
 * <pre>java cli/src/build/UpgradeOldClasses.java cli/target/apollo.jar picocli/</pre>
 *
 * The jar is changed in place; classes already 52 or newer are left byte for byte. Stack maps need the class
 * hierarchy, which is read from the jar itself and then from the JDK.
 */
public final class UpgradeOldClasses {
  private static final int JAVA_8 = 52;

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java UpgradeOldClasses.java JAR PREFIX");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int upgraded = 0;
    try (FileSystem zip = FileSystems.newFileSystem(jar)) {
      ClassHierarchyResolver resolver = ClassHierarchyResolver.ofResourceParsing(desc -> {
        Path file = zip.getPath(desc.descriptorString().substring(1, desc.descriptorString().length() - 1) + ".class");
        try {
          return Files.exists(file) ? Files.newInputStream(file) : null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).orElse(ClassHierarchyResolver.defaultResolver()).cached();
      ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver),
          ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
      List<Path> classes;
      Path prefix = zip.getPath(args[1]);
      if (!Files.isDirectory(prefix)) {
        System.err.println("UpgradeOldClasses: no " + args[1] + " in " + jar);
        System.exit(1);
      }
      try (Stream<Path> walk = Files.walk(prefix)) {
        classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
      }
      for (Path file : classes) {
        ClassModel model = classFile.parse(Files.readAllBytes(file));
        if (model.majorVersion() >= JAVA_8) {
          continue;
        }
        // Every element kept as it is but the version; the code is re-emitted (not copied) so that stack maps are
        // computed for it, as a Java 8 class file must carry.
        ClassTransform version = (builder, element) -> {
          if (element instanceof ClassFileVersion) {
            builder.withVersion(JAVA_8, 0);
          } else {
            builder.with(element);
          }
        };
        CodeTransform reemit = (builder, element) -> builder.with(element);
        byte[] out = classFile.transformClass(model, version.andThen(ClassTransform.transformingMethodBodies(reemit)));
        Files.write(file, out);
        upgraded++;
      }
    }
    System.out.println("UpgradeOldClasses: " + upgraded + " class files under " + args[1] + " now Java 8 with stack maps");
  }
}
