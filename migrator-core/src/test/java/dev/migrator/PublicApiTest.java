package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API that docs/api.md lists is the one core has: nothing more public, nothing internal handed out. */
class PublicApiTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.migrator")
            .that(DescribedPredicate.describe("in migrator-core", type -> !type.getPackageName().startsWith("dev.migrator.testing")));

    private static final Pattern TYPE_NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)`");

    @Test
    void thePublicTypesOutsideInternalAreTheOnesTheDocsList() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("../docs/api.md"))) {
            if (line.startsWith("| `dev.migrator")) {
                String api = line.split("\\|")[2];
                Matcher names = TYPE_NAME.matcher(api);
                while (names.find()) {
                    documented.add(names.group(1));
                }
            }
        }
        Set<String> actual = new TreeSet<>();
        for (JavaClass type : CORE) {
            if (type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC) && !isInternal(type.reflect())) {
                actual.add(type.getSimpleName());
            }
        }
        assertThat(actual).as("public types outside dev.migrator.internal (docs/api.md lists the API)")
                .isEqualTo(documented);
    }

    @Test
    void noApiMemberHandsOutAnInternalType() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : CORE) {
            Class<?> api = type.reflect();
            if (!Modifier.isPublic(api.getModifiers()) || isInternal(api)) {
                continue;
            }
            if (api.getSuperclass() != null && isInternal(api.getSuperclass())) {
                leaks.add(api.getName() + " extends " + api.getSuperclass().getName());
            }
            Stream.of(api.getDeclaredMethods(), api.getDeclaredConstructors(), api.getDeclaredFields())
                    .flatMap(Stream::of)
                    .filter(member -> visibleToUsers((Member) member))
                    .map(PublicApiTest::signature)
                    .filter(signature -> signature.contains("dev.migrator.internal."))
                    .forEach(signature -> leaks.add(api.getName() + ": " + signature));
        }
        assertThat(leaks).as("API members whose signature names an internal type").isEmpty();
    }

    private static boolean visibleToUsers(Member member) {
        int modifiers = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }

    private static String signature(Object member) {
        return member instanceof Field field ? field.toGenericString() : ((Executable) member).toGenericString();
    }

    private static boolean isInternal(Class<?> type) {
        return type.getPackageName().startsWith("dev.migrator.internal");
    }
}
