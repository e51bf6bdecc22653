"""Phone numbers as shoppers type them, kept in one international form (E.164).

Senegalese numbers have 9 digits after +221: mobiles start with 7 (70, 71, 75, 76, 77,
78), fixed lines with 3 (33). Shoppers write them « 77 123 45 67 », « 00221 77... » or
« +221 77... »: all become « +221771234567 ». A number from elsewhere is accepted when
written with its country code (+ or 00), E.164's 8 to 15 digits; a bare local number
of another country is refused, since nobody could tell which country it is from.
"""

import re

from django.utils.translation import gettext as _

SENEGAL_CODE = "221"
SENEGAL_NATIONAL = re.compile(r"[37][0-9]{8}")
# Spaces, dots, dashes and brackets people put between groups of digits.
SEPARATORS = re.compile(r"[\s.()\-]")
E164_DIGITS = re.compile(r"[1-9][0-9]{7,14}")


def normalise(raw):
    """`raw` as +<country><number>; ValueError (with a message for the shopper) if it is not one."""
    compact = SEPARATORS.sub("", raw or "")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if SENEGAL_NATIONAL.fullmatch(compact):
        return f"+{SENEGAL_CODE}{compact}"
    if not compact.startswith("+"):
        raise ValueError(
            _(
                "Write the number with its country code, "
                "e.g. +221 77 123 45 67 or +33 6 12 34 56 78."
            )
        )
    digits = compact[1:]
    if digits.startswith(SENEGAL_CODE):
        if not SENEGAL_NATIONAL.fullmatch(digits[len(SENEGAL_CODE) :]):
            raise ValueError(
                _("A Senegalese number has 9 digits after +221, e.g. +221 77 123 45 67.")
            )
        return compact
    if not E164_DIGITS.fullmatch(digits):
        raise ValueError(_("This phone number does not look right, e.g. +221 77 123 45 67."))
    return compact


def contact_links(raw):
    """The `tel:` and WhatsApp (`https://wa.me/<digits>`) addresses of a number, or None.

    None when the number cannot be read as an international one: the admin then shows
    it as the shopper typed it, with no link that would dial a wrong number.
    """
    try:
        number = normalise(raw)
    except ValueError:
        return None
    return {"number": number, "tel": f"tel:{number}", "whatsapp": f"https://wa.me/{number[1:]}"}
