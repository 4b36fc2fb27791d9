package dev.migrator.java;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Turns the class name of a Java revision's script into the object that runs it. The default
 * ({@link #constructing}) calls the class's no-argument constructor; the Spring Boot auto-configuration
 * hands out beans, or has the bean factory create the class with its constructor's dependencies.
 * Every Java revision a run reaches is resolved before anything of it runs, so a failure here
 * applies nothing.
 */
@FunctionalInterface
public interface JavaRevisionResolver {

    /**
     * @throws Exception with a message saying what is wrong with the class (the caller names the revision
     *     and its script)
     */
    JavaRevision resolve(String className) throws Exception;

    /** Loads the class from {@code classLoader} and calls its public no-argument constructor. */
    static JavaRevisionResolver constructing(ClassLoader classLoader) {
        return className -> construct(load(className, classLoader), "");
    }

    /** The class, checked to be a {@link JavaRevision}. */
    static Class<? extends JavaRevision> load(String className, ClassLoader classLoader) throws ClassNotFoundException {
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("class " + className + " is not on the class path; check the name in"
                    + " '-- migrator:java', and that the class is compiled into the application (the command line"
                    + " reads classes from --class-path)", e);
        }
        if (!JavaRevision.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement " + JavaRevision.class.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(className + " is abstract; name a concrete class in '-- migrator:java'");
        }
        return type.asSubclass(JavaRevision.class);
    }

    /**
     * Calls the no-argument constructor.
     *
     * @param hint what else could create the class, added to the message when it has no such constructor
     */
    static JavaRevision construct(Class<? extends JavaRevision> type, String hint) throws Exception {
        Constructor<? extends JavaRevision> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no public no-argument constructor; add one"
                    + hint, e);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the constructor of " + type.getName() + " failed: " + cause, cause);
        }
    }
}
