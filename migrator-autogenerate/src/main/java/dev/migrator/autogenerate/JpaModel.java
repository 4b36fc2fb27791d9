package dev.migrator.autogenerate;

import dev.migrator.autogenerate.schema.Schema;
import dev.migrator.error.BadInputException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The model: entity classes as Hibernate maps them. Hibernate's own boot metadata does the
 * mapping (naming strategies, types of the database's dialect and version, generated key names),
 * so the model is what Hibernate would create and query, not a second reading of the annotations.
 */
public final class JpaModel {

    private JpaModel() {
    }

    /** Reads already built metadata (an application that bootstraps Hibernate itself). */
    public static Schema of(Metadata metadata) {
        return HibernateModel.read(metadata);
    }

    /**
     * Maps {@code entities} with Hibernate, the dialect found from {@code dataSource} (which it only
     * asks for its metadata), and {@code settings} such as {@code hibernate.physical_naming_strategy}.
     */
    public static Schema of(DataSource dataSource, Map<String, ?> settings, Collection<Class<?>> entities) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        all.put(AvailableSettings.HBM2DDL_AUTO, "none");
        // The mapping's sequences as mapped: otherwise Hibernate compares them with the database's
        // while it boots, and drops a sequence whose increment differs from the model
        all.put(AvailableSettings.SEQUENCE_INCREMENT_SIZE_MISMATCH_STRATEGY, "none");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(all).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            return HibernateModel.read(metadata);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    public static Schema of(DataSource dataSource, Class<?>... entities) {
        return of(dataSource, Map.of(), List.of(entities));
    }

    /**
     * The model of a running persistence unit (a Spring Boot application's): its entity classes and
     * its Hibernate settings, naming strategies included, mapped again against {@code dataSource}.
     */
    public static Schema of(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
        List<Class<?>> entities = new ArrayList<>();
        for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
            entities.add(entity.getJavaType());
        }
        if (entities.isEmpty()) {
            throw new BadInputException("The persistence unit has no entities to compare");
        }
        Map<String, Object> settings = new HashMap<>();
        entityManagerFactory.getProperties().forEach((key, value) -> {
            if (key.startsWith("hibernate.") && !key.startsWith("hibernate.connection")
                    && !key.startsWith("hibernate.hbm2ddl") && value != null) {
                settings.put(key, value);
            }
        });
        return of(dataSource, settings, entities);
    }
}
