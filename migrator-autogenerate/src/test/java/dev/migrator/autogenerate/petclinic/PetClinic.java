package dev.migrator.autogenerate.petclinic;

import java.util.ArrayList;
import java.util.List;

/** The model of PetClinic: owners, pets, their types, visits, vets and their specialties (many-to-many). */
public final class PetClinic {

    public static final List<Class<?>> ENTITIES =
            List.of(Owner.class, PetType.class, Pet.class, Visit.class, Vet.class, Specialty.class);

    private PetClinic() {
    }

    /** The model with one entity class swapped for a variant of the same entity. */
    public static List<Class<?>> with(Class<?> replaced, Class<?> variant) {
        List<Class<?>> entities = new ArrayList<>(ENTITIES);
        entities.set(entities.indexOf(replaced), variant);
        return entities;
    }

    public static List<Class<?>> without(Class<?> removed) {
        List<Class<?>> entities = new ArrayList<>(ENTITIES);
        entities.remove(removed);
        return entities;
    }

    public static List<Class<?>> plus(Class<?> added) {
        List<Class<?>> entities = new ArrayList<>(ENTITIES);
        entities.add(added);
        return entities;
    }
}
