//! Contacts: every contact can be reached. No contact at all, an e-mail that
//! is not an address and a phone that is not a number are validation's
//! findings (`contacts-missing`, `invalid-email`, `invalid-phone`); this adds
//! the contact who has a name but neither an e-mail nor a phone.

use crate::finding::Finding;
use crate::lint::Context;

pub(crate) fn check(cx: &Context, f: &mut Vec<Finding>) {
    for (i, c) in cx.draft.release.contacts.iter().enumerate() {
        let named = !c.name.trim().is_empty() || !c.organization.trim().is_empty();
        if named && c.email.trim().is_empty() && c.phone.trim().is_empty() {
            f.push(Finding::warning(
                "contact-unreachable",
                format!("release.contacts[{i}]"),
                "this contact has neither an e-mail address nor a phone number",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::draft::Contact;
    use crate::lint::Checks;
    use crate::lint::test_support::*;
    use crate::validate::validate;

    fn checks() -> Checks {
        let mut c = Checks::none();
        c.contacts.enabled = true;
        c
    }

    #[test]
    fn a_contact_without_email_or_phone_fires() {
        let mut d = draft_saying("Body.");
        d.release.contacts.push(Contact {
            name: "Press Office".into(),
            ..Contact::default()
        });
        assert_eq!(
            found(&d, &checks()),
            [("contact-unreachable".into(), "release.contacts[1]".into())]
        );
    }

    #[test]
    fn reachable_contacts_are_quiet_and_validation_is_not_repeated() {
        let mut d = draft_saying("Body.");
        d.release.contacts.push(Contact {
            name: "Desk".into(),
            phone: "+1 212 963 1234".into(),
            ..Contact::default()
        });
        assert!(found(&d, &checks()).is_empty());
        // Bad addresses and numbers, and no contact at all, are reported once, by validation.
        d.release.contacts[0].email = "press at un.org".into();
        d.release.contacts[1].phone = "call us".into();
        assert!(found(&d, &checks()).is_empty());
        let codes: Vec<String> = validate(&d).into_iter().map(|f| f.code).collect();
        assert_eq!(codes, ["invalid-email", "invalid-phone"]);
        d.release.contacts.clear();
        assert!(found(&d, &checks()).is_empty());
        assert!(validate(&d).iter().any(|f| f.code == "contacts-missing"));
    }
}
