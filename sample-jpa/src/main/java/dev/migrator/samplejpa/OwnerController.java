package dev.migrator.samplejpa;

import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /owners?lastName=Da}: owners and their pets' names. */
@RestController
class OwnerController {

    record OwnerView(String firstName, String lastName, List<String> pets) {
    }

    private final OwnerRepository owners;

    OwnerController(OwnerRepository owners) {
        this.owners = owners;
    }

    @GetMapping("/owners")
    @Transactional(readOnly = true)
    List<OwnerView> owners(@RequestParam(defaultValue = "") String lastName) {
        return owners.findByLastNameStartingWith(lastName).stream()
                .map(owner -> new OwnerView(owner.getFirstName(), owner.getLastName(),
                        owner.getPets().stream().map(Pet::getName).toList()))
                .toList();
    }
}
