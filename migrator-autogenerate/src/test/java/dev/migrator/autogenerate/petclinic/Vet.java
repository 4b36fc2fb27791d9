package dev.migrator.autogenerate.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity(name = "Vet")
@Table(name = "vets")
public class Vet extends VetFields {
}
