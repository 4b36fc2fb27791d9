package dev.migrator.samplejpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "pets")
public class Pet {

    public enum Sex { FEMALE, MALE, UNKNOWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "name", length = 30, nullable = false)
    private String name = "";

    @Column(name = "birth_date")
    private @Nullable LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex", length = 10)
    private @Nullable Sex sex;

    @ManyToOne(optional = false)
    @JoinColumn(name = "type_id")
    private @Nullable PetType type;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private @Nullable Owner owner;

    public String getName() {
        return name;
    }

    public @Nullable PetType getType() {
        return type;
    }
}
