package dev.migrator.autogenerate.edits;

import dev.migrator.autogenerate.petclinic.Owner;
import dev.migrator.autogenerate.petclinic.Person;
import dev.migrator.autogenerate.petclinic.Specialty;
import dev.migrator.autogenerate.petclinic.Vet;
import dev.migrator.autogenerate.petclinic.VetFields;
import dev.migrator.autogenerate.petclinic.VisitCore;
import dev.migrator.autogenerate.petclinic.VisitFields;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.ForeignKey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.hibernate.annotations.ColumnDefault;

/**
 * The PetClinic model after one change each: the entity as a developer would edit it. A package of
 * its own, so that scanning the PetClinic package finds one entity per name.
 */
public final class Variants {

    private Variants() {
    }

    /** A new entity with a foreign key to owners. */
    @Entity(name = "Invoice")
    @Table(name = "invoices")
    public static class Invoice {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @ManyToOne(optional = false)
        @JoinColumn(name = "owner_id")
        Owner owner;
        @Column(name = "amount", precision = 10, scale = 2, nullable = false)
        BigDecimal amount;
        @Column(name = "issued_on")
        LocalDate issuedOn;
    }

    @Entity(name = "Visit")
    @Table(name = "visits")
    public static class VisitWithDuration extends VisitFields {
        @Column(name = "duration_minutes")
        Integer durationMinutes;
    }

    @Entity(name = "Visit")
    @Table(name = "visits")
    public static class VisitDescriptionRequired extends VisitCore {
        @Column(name = "description", nullable = false)
        String description;
        @Column(name = "price", precision = 10, scale = 2, nullable = false)
        @ColumnDefault("0")
        BigDecimal price;
    }

    @Entity(name = "Visit")
    @Table(name = "visits")
    public static class VisitLongerDescription extends VisitCore {
        @Column(name = "description", length = 1000)
        String description;
        @Column(name = "price", precision = 10, scale = 2, nullable = false)
        @ColumnDefault("0")
        BigDecimal price;
    }

    @Entity(name = "Visit")
    @Table(name = "visits", indexes = @Index(name = "ix_visits_date", columnList = "visit_date"))
    public static class VisitIndexedByDate extends VisitFields {
    }

    @Entity(name = "Visit")
    @Table(name = "visits")
    public static class VisitWithVet extends VisitFields {
        @ManyToOne
        @JoinColumn(name = "vet_id")
        Vet vet;
    }

    @Entity(name = "Visit")
    @Table(name = "visits")
    public static class VisitWithoutPrice extends VisitCore {
        @Column(name = "description")
        String description;
    }

    @Entity(name = "Vet")
    @Table(name = "vets", uniqueConstraints = @UniqueConstraint(name = "uk_vets_name", columnNames = {"first_name", "last_name"}))
    public static class VetUniqueName extends VetFields {
    }

    @Entity(name = "Visit")
    @Table(name = "visits")
    public static class VisitWithOtherPriceDefault extends VisitCore {
        @Column(name = "description")
        String description;
        @Column(name = "price", precision = 10, scale = 2, nullable = false)
        @ColumnDefault("25")
        BigDecimal price;
    }

    public enum Kind { CHECKUP, VACCINATION, SURGERY }

    public enum Urgency { ROUTINE, SOON, URGENT }

    /** The same enums after a release: one value more each. */
    public enum KindWithDental { CHECKUP, VACCINATION, SURGERY, DENTAL }

    public enum UrgencyWithEmergency { ROUTINE, SOON, URGENT, EMERGENCY }

    /**
     * Two enum fields: held as text (a check of its values on PostgreSQL, an {@code enum(...)} type on
     * MariaDB and H2) and as its ordinal (JPA's default: a range check on all three).
     */
    @Entity(name = "Visit")
    @Table(name = "visits")
    public static class VisitWithKind extends VisitFields {
        @Enumerated(EnumType.STRING)
        @Column(name = "kind", length = 20)
        Kind kind;
        @Column(name = "urgency", nullable = false)
        @ColumnDefault("0")
        Urgency urgency;
    }

    @Entity(name = "Visit")
    @Table(name = "visits")
    public static class VisitWithMoreKinds extends VisitFields {
        @Enumerated(EnumType.STRING)
        @Column(name = "kind", length = 20)
        KindWithDental kind;
        @Column(name = "urgency", nullable = false)
        @ColumnDefault("0")
        UrgencyWithEmergency urgency;
    }

    /** The join table keeps its specialty column, but the database no longer checks it. */
    @Entity(name = "Vet")
    @Table(name = "vets")
    public static class VetWithoutSpecialtyKey extends Person {
        @ManyToMany
        @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
                inverseJoinColumns = @JoinColumn(name = "specialty_id"),
                inverseForeignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
        Set<Specialty> specialties;
    }
}
