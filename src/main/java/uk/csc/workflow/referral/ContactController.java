package uk.csc.workflow.referral;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.referral.process.FrontDoor;

@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final FrontDoor frontDoor;

    ContactController(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** Records a contact and starts its referral route; answers 201 with the case reference. */
    @PostMapping
    ResponseEntity<ContactRegistered> receive(@RequestBody ContactRequest contact) {
        ContactRegistered registered = frontDoor.receive(contact, CurrentUser.fromSecurityContext());
        return ResponseEntity.created(URI.create("/api/cases/" + registered.caseRef())).body(registered);
    }
}
