package dev.migrator.autogenerate.petclinic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Numbered by a sequence, so that sequences are compared too. */
@Entity
@Table(name = "specialties")
public class Specialty {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "specialty_ids")
    @SequenceGenerator(name = "specialty_ids", sequenceName = "specialty_seq", allocationSize = 10)
    Long id;
    @Column(name = "name", length = 80, nullable = false)
    String name;
    @Column(name = "active", nullable = false)
    boolean active;
}
