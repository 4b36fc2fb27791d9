package dev.migrator.autogenerate.petclinic;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** What every variant of the visit holds. */
@MappedSuperclass
public abstract class VisitCore {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "pet_id")
    Pet pet;
    @Column(name = "visit_date", nullable = false)
    LocalDate date;
    @Column(name = "created_at")
    LocalDateTime createdAt;
}
