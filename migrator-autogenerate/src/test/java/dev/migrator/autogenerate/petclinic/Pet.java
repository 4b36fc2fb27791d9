package dev.migrator.autogenerate.petclinic;

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
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
@Table(name = "pets")
public class Pet {

    /** Mapped as text: a check constraint on PostgreSQL and H2, an {@code enum(...)} type on MariaDB. */
    public enum Sex { FEMALE, MALE, UNKNOWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "name", length = 30, nullable = false)
    String name;
    @Column(name = "birth_date")
    LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "sex", length = 10)
    Sex sex;
    @ManyToOne(optional = false)
    @JoinColumn(name = "type_id")
    PetType type;
    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    @OnDelete(action = OnDeleteAction.CASCADE)
    Owner owner;
}
