package dev.migrator.autoconfigure;

import dev.migrator.java.JavaRevision;
import dev.migrator.java.JavaRevisionResolver;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Java revisions as the application's objects: the bean of the class a script names, when there is
 * one, else an instance the bean factory creates and autowires (constructor injection of the
 * application's services), without registering it as a bean.
 */
final class JavaRevisionBeans implements JavaRevisionResolver {

    private final ConfigurableListableBeanFactory beanFactory;
    private final ClassLoader classLoader;

    JavaRevisionBeans(ConfigurableListableBeanFactory beanFactory, ClassLoader classLoader) {
        this.beanFactory = beanFactory;
        this.classLoader = classLoader;
    }

    @Override
    public JavaRevision resolve(String className) throws Exception {
        Class<? extends JavaRevision> type = JavaRevisionResolver.load(className, classLoader);
        String[] names = beanFactory.getBeanNamesForType(type);
        try {
            if (names.length == 1) {
                return beanFactory.getBean(names[0], type);
            }
            if (names.length > 1) {
                JavaRevision primary = beanFactory.getBeanProvider(type).getIfUnique();
                if (primary == null) {
                    throw new IllegalStateException("several beans are " + className + " (" + String.join(", ", names)
                            + "); keep one, or mark one @Primary");
                }
                return primary;
            }
            return beanFactory.createBean(type);
        } catch (BeansException e) {
            throw new IllegalStateException("Spring could not create " + className + ": " + e.getMessage(), e);
        }
    }
}
