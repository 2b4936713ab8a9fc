package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's API is the {@code dev.strompy} package and {@code dev.strompy.error}: what their
 * public classes show (supertypes, fields, constructors, methods, their parameters, results and
 * exceptions, type arguments included) names only those two packages and {@code java.*}, so the
 * other packages stay free to change.
 */
class ApiSurfaceTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void theApiNamesOnlyItselfAndJava() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> api = apiClasses();
        assertTrue(api.contains(StrompyDecoder.class) && api.contains(StrompyDecoder.Builder.class), api.toString());
        for (Class<?> c : api) {
            check(c + " extends", c.getGenericSuperclass(), leaks);
            for (Type t : c.getGenericInterfaces()) {
                check(c + " implements", t, leaks);
            }
            for (Field f : c.getDeclaredFields()) {
                if (shown(f.getModifiers())) {
                    check(c.getSimpleName() + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
            List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                members.add(k);
            }
            for (Executable m : members) {
                if (!shown(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                String where = c.getSimpleName() + "." + m.getName();
                if (m instanceof Method method) {
                    check(where + " returns", method.getGenericReturnType(), leaks);
                }
                for (Type p : m.getGenericParameterTypes()) {
                    check(where + " takes", p, leaks);
                }
                for (Type x : m.getGenericExceptionTypes()) {
                    check(where + " throws", x, leaks);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static boolean shown(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** The public classes of the two API packages, nested ones included, from the compiled classes. */
    private static List<Class<?>> apiClasses() throws IOException, ClassNotFoundException {
        TreeSet<String> names = new TreeSet<>();
        for (String pkg : new String[] {"dev/strompy", "dev/strompy/error"}) {
            try (Stream<Path> files = Files.list(CLASSES.resolve(pkg))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                        .forEach(n -> names.add(pkg.replace('/', '.') + "." + n.substring(0, n.length() - 6)));
            }
        }
        List<Class<?>> api = new ArrayList<>();
        for (String n : names) {
            Class<?> c = Class.forName(n, false, ApiSurfaceTest.class.getClassLoader());
            boolean visible = true;
            for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
                visible &= Modifier.isPublic(k.getModifiers()) && !k.isAnonymousClass() && !k.isLocalClass();
            }
            if (visible) {
                api.add(c);
            }
        }
        return api;
    }

    private static void check(String where, Type t, List<String> leaks) {
        if (t == null) {
            return;
        }
        if (t instanceof Class<?> c) {
            Class<?> e = c;
            while (e.isArray()) {
                e = e.getComponentType();
            }
            String pkg = e.getPackageName();
            if (!e.isPrimitive() && !pkg.equals("dev.strompy") && !pkg.equals("dev.strompy.error") && !pkg.startsWith("java.")) {
                leaks.add(where + " " + e.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            check(where, p.getRawType(), leaks);
            for (Type a : p.getActualTypeArguments()) {
                check(where, a, leaks);
            }
        } else if (t instanceof GenericArrayType a) {
            check(where, a.getGenericComponentType(), leaks);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                check(where, b, leaks);
            }
            for (Type b : w.getLowerBounds()) {
                check(where, b, leaks);
            }
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                check(where, b, leaks);
            }
        }
    }
}
