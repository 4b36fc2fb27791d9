package dev.migrator.autogenerate.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity(name = "Visit")
@Table(name = "visits")
public class Visit extends VisitFields {
}
