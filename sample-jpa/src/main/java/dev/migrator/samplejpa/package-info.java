/** PetClinic over JPA: owners, their pets and visits, vets and their specialties; migrator keeps the schema. */
@NullMarked
package dev.migrator.samplejpa;

import org.jspecify.annotations.NullMarked;
