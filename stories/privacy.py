"""Words that must never be published: legal names the artisan did not agree to show,
and anything about a judicial case.

Pure functions on text, used before a page is published and by the test that
crawls every public page of the demo.
"""

import html
import re
import unicodedata

# Terms that describe an offence, a charge or a sentence. Whole words or phrases only:
# « casier » alone is a locker, « vol » alone is also a flight.
OFFENCE_TERMS = [
    "abus de confiance",
    "assassinat",
    "braquage",
    "cambriolage",
    "casier judiciaire",
    "condamne pour",
    "condamnee pour",
    "condamnation pour",
    "coups et blessures",
    "detournement de fonds",
    "ecroue pour",
    "escroquerie",
    "homicide",
    "incarcere pour",
    "incarceree pour",
    "meurtre",
    "stupefiants",
    "trafic de drogue",
    "viol",
    "vol a main armee",
    "burglary",
    "convicted of",
    "drug trafficking",
    "manslaughter",
    "murder",
    "rape",
    "robbery",
    "sentenced for",
]

_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
# Surnames shorter than this are too likely to be ordinary words.
MIN_SURNAME_LENGTH = 3


def normalise(text):
    """Lower case, no accents, no tags, single spaces: « Ndoyé » and « NDOYE » compare equal."""
    text = html.unescape(_TAG.sub(" ", str(text or "")))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("’", "'").casefold()
    return _SPACES.sub(" ", text).strip()


def _contains_phrase(normalised_text, phrase):
    return re.search(rf"(?<!\w){re.escape(normalise(phrase))}(?!\w)", normalised_text) is not None


def offence_terms_in(text):
    """The offence terms found in the text, in the order of `OFFENCE_TERMS`."""
    normalised = normalise(text)
    return [term for term in OFFENCE_TERMS if _contains_phrase(normalised, term)]


def forbidden_names(legal_name, shown_name, public_name=""):
    """What must not be published of one person: their legal name and surname, unless shown,
    and the public name they chose once but no longer show (consent withdrawn or lapsed).

    A person shown under their full legal name has nothing forbidden; a person
    shown under a first name or a pseudonym, or anonymous, has their legal name
    and their surname forbidden.
    """
    names = []
    former = public_name.strip()
    if former and normalise(former) != normalise(shown_name or ""):
        names.append(former)
    if not (shown_name and normalise(shown_name) == normalise(legal_name)):
        names.append(legal_name.strip())
        words = legal_name.split()
        if len(words) > 1 and len(words[-1]) >= MIN_SURNAME_LENGTH:
            names.append(words[-1])
    return list(dict.fromkeys(name for name in names if name))


def private_names_in(text, forbidden, allowed=()):
    """The forbidden names found in the text, once the names allowed on the site are set aside.

    Removing allowed names first keeps « Awa Ndiaye » publishable when another
    person's private surname is also « Ndiaye ».
    """
    normalised = normalise(text)
    for name in sorted(allowed, key=len, reverse=True):
        if name:
            normalised = re.sub(rf"(?<!\w){re.escape(normalise(name))}(?!\w)", " ", normalised)
    return [name for name in forbidden if _contains_phrase(normalised, name)]


def _folded_with_origins(text):
    """The text as `normalise` compares it, char by char, with each char's index in the text."""
    folded, origins = [], []
    for index, char in enumerate(text):
        base = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in base if not unicodedata.combining(c)).replace("’", "'")
        for folded_char in base.casefold():
            folded.append(folded_char)
            origins.append(index)
    return "".join(folded), origins


def _spans(folded, origins, name):
    pattern = rf"(?<!\w){re.escape(normalise(name))}(?!\w)"
    return [
        (origins[match.start()], origins[match.end() - 1] + 1)
        for match in re.finditer(pattern, folded)
        if match.end() > match.start()
    ]


def replace_names(text, names, replacement, allowed=()):
    """The text with each of these names (in any case, with or without accents) replaced.

    Names allowed on the site are kept: « Awa Ndiaye » stays when another person's private
    surname « Ndiaye » is replaced. Longer names go first, so « Ibrahima Sarr » becomes one
    replacement, not the first name followed by a replaced surname.
    """
    if not text or not names:
        return text
    folded, origins = _folded_with_origins(text)
    taken = [span for name in allowed if name for span in _spans(folded, origins, name)]
    found = []
    for name in sorted(names, key=len, reverse=True):
        for start, end in _spans(folded, origins, name):
            if not any(start < other_end and other_start < end for other_start, other_end in taken):
                taken.append((start, end))
                found.append((start, end))
    for start, end in sorted(found, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def collect_text(value):
    """Every string inside a nested structure (StreamField raw data, dicts, lists), joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(collect_text(item) for item in value.values())
    if isinstance(value, list | tuple):
        return " ".join(collect_text(item) for item in value)
    return ""
