"""Invented names for synthetic people and threats.

Surnames are put together from syllables, so they look real without being any real
person's; working names are place-like words with no real places in mind.
"""

from random import Random

FORENAMES = (
    "Alys",
    "Bryn",
    "Cara",
    "Dafydd",
    "Elin",
    "Fergus",
    "Gemma",
    "Harvey",
    "Isla",
    "Jago",
    "Keira",
    "Lowen",
    "Maddox",
    "Nerys",
    "Orla",
    "Piran",
    "Quinn",
    "Rhian",
    "Soren",
    "Tamsin",
    "Ulric",
    "Vida",
    "Wren",
    "Yestin",
    "Zara",
    "Ashton",
    "Bethan",
    "Callum",
    "Demelza",
    "Eilidh",
    "Finn",
    "Greer",
    "Hollis",
    "Ivo",
    "Jory",
    "Kenna",
)
_SURNAME_STARTS = (
    "Ash",
    "Bram",
    "Cal",
    "Dun",
    "Eld",
    "Fen",
    "Gar",
    "Hal",
    "Ket",
    "Lan",
    "Mor",
    "Nan",
    "Ort",
    "Pen",
    "Quar",
    "Ros",
    "Sel",
    "Tre",
    "Ulv",
    "Ver",
    "Wyn",
    "Yar",
)
_SURNAME_ENDS = (
    "bury",
    "combe",
    "dell",
    "ford",
    "gate",
    "hurst",
    "ley",
    "marsh",
    "nock",
    "ridge",
    "stow",
    "thwaite",
    "ton",
    "well",
    "wick",
    "worth",
)
_PLACE_WORDS = (
    "Quayside",
    "Millrace",
    "Foundry",
    "Harbour",
    "Kestrel",
    "Lantern",
    "Marlpit",
    "Nettle",
    "Orchard",
    "Pennant",
    "Ravel",
    "Saltings",
    "Tollgate",
    "Underhill",
    "Vantage",
    "Wharf",
    "Amber",
    "Basalt",
    "Copper",
    "Drover",
    "Ember",
    "Flint",
    "Granary",
    "Heron",
)
_PLACE_ENDS = ("Lane", "Row", "Yard", "Court", "Street", "Fields", "Cross", "Heights", "Reach", "Green")
_GROUP_WORDS = ("network", "group", "line", "crew", "organisation", "supply chain")
# Street names for subjects not yet identified, and code words for lines and operations.
_NICKNAMES = (
    "Spindle",
    "Tank",
    "Chalky",
    "Moth",
    "Rizzo",
    "Dibs",
    "Skip",
    "Lanky",
    "Nugget",
    "Brick",
    "Fizz",
    "Gully",
    "Jinx",
    "Pebble",
    "Scratch",
    "Tiny",
)
_CODE_WORDS = (
    "Alder",
    "Bittern",
    "Cobalt",
    "Dunlin",
    "Fathom",
    "Garnet",
    "Hawthorn",
    "Jackdaw",
    "Kittiwake",
    "Lodestar",
    "Merlin",
    "Nimbus",
    "Osprey",
    "Quartz",
    "Redshank",
    "Sandpiper",
    "Teasel",
    "Whinchat",
)


def person(rng: Random) -> tuple[str, str]:
    """(forename, surname)."""
    return rng.choice(FORENAMES), rng.choice(_SURNAME_STARTS) + rng.choice(_SURNAME_ENDS)


def working_name(rng: Random, threat_type: str) -> str:
    if threat_type == "priority_individual":
        forename, surname = person(rng)
        return f"{forename} {surname}"
    place = f"{rng.choice(_PLACE_WORDS)} {rng.choice(_PLACE_ENDS)}"
    if threat_type == "soc_vulnerability":
        return f"{place} {rng.choice(('port', 'depot', 'market', 'care homes', 'car washes'))} vulnerability"
    return f"{place} {rng.choice(_GROUP_WORDS)}"


def nickname(rng: Random) -> str:
    return rng.choice(_NICKNAMES)


def code_word(rng: Random) -> str:
    """A word for an operation or a county line, none taken from a real one."""
    return rng.choice(_CODE_WORDS)
