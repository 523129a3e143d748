"""Name keys that survive transliteration.

Arabic place names reach English text in many spellings: ``Deir ez-Zor``,
``Deir Ezzor`` and ``Dayr az Zawr`` are one city; ``Kafr``/``Kfar``/``Kafar``
one word.  :func:`name_keys` turns a gazetteer name into every key it may be
written as; :func:`token_key` turns one word of running text into its key.
A text phrase matches a place when the keys of its words, joined by single
spaces, equal one of the place's keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "ARTICLES",
    "LOOSE_PREFIXES",
    "LOOSE_QUALIFIERS",
    "PLACE_KIND_WORDS",
    "fold",
    "loose_keys",
    "name_keys",
    "split_place_kind",
    "split_words",
    "token_key",
]

#: Arabic definite-article forms written before a name ("al-Tanf", "ash-Shaddadi").
ARTICLES = frozenset("al el il ul ad ed ag ah an en ar er as es ash esh at et ath eth az ez adh edh".split())

_APOSTROPHES = "'’‘`´ʿʾʻʼ′"
_DASHES = "-‐‑‒–—―"
_WORD_RE = re.compile(r"[^\W_]+(?:[" + _APOSTROPHES + r"][^\W_]+)*", re.UNICODE)

# Whole-word spelling families, after folding.
_WORD_FAMILIES = {
    "kfar": "kafr",
    "kafar": "kafr",
    "kefr": "kafr",
    "kfr": "kafr",
    "kefar": "kafr",
    "kafer": "kafr",
    "kufr": "kafr",
    "kafar ": "kafr",
    "dayr": "deir",
    "dair": "deir",
    "der": "deir",
    "dier": "deir",
    "deyr": "deir",
    "tall": "tal",
    "tel": "tal",
    "tell": "tal",
    "jebel": "jabal",
    "jbel": "jabal",
    "jabel": "jabal",
    "djebel": "jabal",
    "ayn": "ain",
    "ein": "ain",
    "ayun": "ain",
    "aïn": "ain",
    "abou": "abu",
    "abo": "abu",
    "albu": "abu",
    "bu": "abu",
    "khirbet": "khirbat",
    "khirbit": "khirbat",
    "khirbeh": "khirbat",
    "kherbet": "khirbat",
    "kherbat": "khirbat",
    "kharbet": "khirbat",
    "khurbet": "khirbat",
    "khurbat": "khirbat",
    "kherbeh": "khirbat",
    "khirbe": "khirbat",
    "beit": "bayt",
    "bait": "bayt",
    "beyt": "bayt",
    "sheikh": "shaykh",
    "shaikh": "shaykh",
    "sheykh": "shaykh",
    "cheikh": "shaykh",
    "qasr": "qasr",
    "kasr": "qasr",
    "ras": "ras",
    "rass": "ras",
    "bab": "bab",
    "mount": "jabal",
}

# A prefix word written glued to the name ("Kfarnabuda", "Dairhafir"): spelt one way.
_GLUED_PREFIXES = (
    (re.compile(r"^(?:kfar|kafar|kefr|kefar|kufr|kafer|kfr)(?=[a-z]{3})"), "kafr"),
    (re.compile(r"^(?:dayr|dair|deyr)(?=[a-z]{3})"), "deir"),
)

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


#: fold() of ASCII characters: apostrophes dropped, dashes and other non-alphanumerics made spaces.
_ASCII_FOLD = str.maketrans(
    {chr(c): (None if chr(c) in _APOSTROPHES else " ") for c in range(128) if not chr(c).isalnum()}
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophe-like marks, keep letters and spaces.

    Examples
    --------
    >>> fold("Ma‘arrat an-Nu‘mān")
    'maarrat an numan'
    """
    if text.isascii():
        # The same steps for plain ASCII, in one translate (most names; a build folds 70,000).
        return " ".join(text.translate(_ASCII_FOLD).lower().split())
    text = _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLD)
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        if ch in _APOSTROPHES:
            continue
        if ch in _DASHES or not (ch.isalnum()):
            out.append(" ")
            continue
        out.append(ch)
    folded = "".join(out).lower()
    folded = folded.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("đ", "d")
    return " ".join(folded.split())


def split_words(text: str) -> list[str]:
    """Split a name into words the way running text is split."""
    return _WORD_RE.findall(text)


@lru_cache(maxsize=400_000)
def token_key(word: str) -> str:
    """Key of one word: folded, spelling families merged, vowels and doubles evened.

    Examples
    --------
    >>> token_key("Kfar"), token_key("Dayr"), token_key("Tadmour"), token_key("Raqqah")
    ('kafr', 'dir', 'tadmur', 'raka')
    """
    w = fold(word).replace(" ", "")
    if not w:
        return ""
    if _is_arabic(w):
        # Arabic script: drop the article "ال" prefix, keep the rest.
        return w[2:] if w.startswith("ال") and len(w) > 3 else w
    w = _WORD_FAMILIES.get(w, w)
    if w.isdigit():
        return w
    for pattern, spelling in _GLUED_PREFIXES:
        w = pattern.sub(spelling, w)
    w = w.replace("ou", "u").replace("ee", "i").replace("oo", "u")
    w = w.replace("dh", "d").replace("th", "t").replace("kh", "k").replace("gh", "g")
    w = w.replace("q", "k").replace("aw", "o").replace("ay", "ai")
    if len(w) > 3 and w[-2:] in ("ah", "eh"):
        w = w[:-2] + "a"
    elif len(w) > 3 and w[-1] == "e":
        w = w[:-1] + "a"
    w = w.replace("e", "i").replace("o", "u").replace("w", "u").replace("y", "i")
    w = re.sub(r"(.)\1+", r"\1", w).replace("ai", "i")
    return w


def _words_key(words: list[str]) -> str:
    return " ".join(k for k in (token_key(w) for w in words) if k)


def written_keys(name: str) -> set[str]:
    """The keys of ``name`` as written: its articles kept (as words, glued, or as "al").

    A blacklisted name is matched by these, so that blacklisting "Bab" leaves
    "al-Bab" a place (``name_keys`` of both share "bab"); "Deir ez-Zor" still
    blocks "Deir Ezzor" and "Dayr al-Zur", and "Kafr Zita" blocks "Kafrzita".

    >>> sorted(written_keys("al-Bab")), sorted(written_keys("Bab"))
    (['al bab', 'albab'], ['bab'])
    >>> {"dir izur", "dir al zur", "kafrzita"} <= written_keys("Deir ez-Zor") | written_keys("Kafr Zita")
    True
    """
    words = split_words(fold(name))
    as_al = " ".join("al" if w in ARTICLES else w for w in words)
    return name_keys(name, drop_articles=False) | name_keys(as_al, drop_articles=False)


def name_keys(name: str, *, drop_articles: bool = True) -> set[str]:
    """Every key under which ``name`` may appear in text.

    Article prefixes are dropped, glued to the next word and kept as a word,
    because articles write "Deir ez-Zor", "Deir Zor", "Deir Ezzor" and
    "Dayr az Zawr" alike; the first two words are also glued ("Kafrzita").
    With ``drop_articles=False`` no key leaves an article out (see :func:`written_keys`).

    Examples
    --------
    >>> sorted(name_keys("Deir ez-Zor"))
    ['dir iz zur', 'dir izur', 'dir zur', 'dirizur', 'dirzur']
    >>> "dir zur" in name_keys("Dayr az Zawr")
    True
    >>> name_keys("Koreatown") & name_keys("Qurayya town")
    set()
    """
    words = split_words(fold(name))
    if not words:
        return set()
    variants: list[list[str]] = [[]]
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w in ARTICLES and nxt is not None:
            glued = w + nxt
            new: list[list[str]] = []
            for v in variants:
                if drop_articles:
                    new.append(v + ["\0skip"])  # dropped article
                new.append(v + ["\0glue" + glued])
                new.append(v + [w])  # a word of its own ("Dayr az Zawr")
            variants = new
            continue
        variants = [v + [w] for v in variants]
    keys = set()
    for v in variants:
        out: list[str] = []
        skip_next = False
        for w in v:
            if skip_next:
                skip_next = False
                continue
            if w == "\0skip":
                continue
            if w.startswith("\0glue"):
                out.append(w[5:])
                skip_next = True
                continue
            out.append(w)
        key = _words_key(out)
        if key:
            keys.add(key)
        if (
            len(out) >= 2
            and len(out[0]) >= 2
            and out[1] not in ARTICLES
            and out[1] not in PLACE_KIND_WORDS  # "Qurayya town" is not "Koreatown"
            and not _is_arabic(out[0])
        ):
            # The first two words written as one ("Kafrzita", "Abukamal", "Bukamal").
            first = _WORD_FAMILIES.get(out[0], out[0])
            heads = [first, "bu"] if first == "abu" else [first]
            for head in heads:
                glued = _words_key([head + out[1], *out[2:]])
                if glued:
                    keys.add(glued)
    return keys


#: Trailing words that say what kind of place a name is ("Hajin town", "Idlib governorate"),
#: longest first, with the gazetteer kind each one suggests.
PLACE_KIND_WORDS: dict[str, str] = {
    "military airport": "airport",
    "military airbase": "airport",
    "military air base": "airport",
    "air base": "airport",
    "airbase": "airport",
    "airfield": "airport",
    "air field": "airport",
    "airport": "airport",
    "military base": "base",
    "military academy": "base",
    "base": "base",
    "refugee camp": "camp",
    "idp camp": "camp",
    "displacement camp": "camp",
    "camp": "camp",
    "oil field": "oilfield",
    "oilfield": "oilfield",
    "oil fields": "oilfield",
    "gas field": "gasfield",
    "gasfield": "gasfield",
    "border crossing": "crossing",
    "crossing point": "crossing",
    "crossing": "crossing",
    "checkpoint": "crossing",
    "sub-district": "subdistrict",
    "sub district": "subdistrict",
    "subdistrict": "subdistrict",
    "nahiya": "subdistrict",
    "district": "district",
    "mintaqa": "district",
    "governorate": "governorate",
    "province": "governorate",
    "muhafazah": "governorate",
    "neighbourhood": "district",
    "neighborhood": "district",
    "quarter": "district",
    "suburb": "district",
    "city": "city",
    "town": "town",
    "village": "village",
    "hamlet": "village",
    "farms": "village",
    "farm": "village",
    "area": "region",
    "region": "region",
    "countryside": "region",
    "desert": "region",
    "plain": "region",
    "plains": "region",
    "valley": "region",
    "mountains": "mountain",
    "mountain": "mountain",
    "mount": "mountain",
    "hill": "mountain",
    "hills": "mountain",
    "dam": "dam",
    "lake": "water",
    "river": "river",
    "bridge": "landmark",
    "prison": "prison",
    "hospital": "hospital",
    "road": "road",
    "highway": "road",
    "island": "landmark",
    "port": "landmark",
}
_KIND_ALTERNATION = "|".join(re.escape(k) for k in sorted(PLACE_KIND_WORDS, key=len, reverse=True))
_KIND_SUFFIX = re.compile(
    r"[\s,]+(?:the\s+)?(" + _KIND_ALTERNATION + r")\s*$",
    re.I,
)


def split_place_kind(text: str) -> tuple[str, str]:
    """Split a trailing kind word off a place string: ``("Hajin", "town")``.

    The kind word is returned as written (lower-cased); the name is left alone
    when nothing would remain of it.

    Examples
    --------
    >>> split_place_kind("Hajin town"), split_place_kind("Idlib governorate")
    (('Hajin', 'town'), ('Idlib', 'governorate'))
    >>> split_place_kind("Kweires military airport"), split_place_kind("Camp")
    (('Kweires', 'military airport'), ('Camp', ''))
    """
    name = " ".join(text.split())
    m = _KIND_SUFFIX.search(name)
    if not m or not name[: m.start()].strip(" ,-"):
        return name, ""
    return name[: m.start()].strip(" ,-"), m.group(1).lower()


#: Leading words a village name is often written without ("Tell Mardikh" / "Mardikh").
LOOSE_PREFIXES = frozenset(
    "tal tall tell tel khirbat khirbet khirbit mazraat mazraa mazraah mazrat qaryat hay hayy".split()
)
#: Trailing words that tell twin villages apart ("... ash Shamaliyah", "... al-Kubra").
LOOSE_QUALIFIERS = frozenset(
    """
shamaliyah shamaliyeh shamaliya shimaliyah janubiyah janubiyeh janubiya sharqiyah sharqiyeh sharqiya
sharqi gharbiyah gharbiyeh gharbiya gharbi qibliyah wusta wustani kabir kabirah kabira kubra saghir
saghirah saghira sughra fawqani fawqaniyah tahtani tahtaniyah jadid jadidah jadida qadim qadimah
qadima ula thaniyah janubi shamali shimali qibli kebir sghir
north south east west northern southern eastern western upper lower
""".split()
)


def loose_keys(name: str) -> set[str]:
    """Keys of ``name`` without a leading "Tell"/"Khirbat"/"Mazraat" and trailing qualifiers.

    Looser than :func:`name_keys`: for look-ups of bare names ("Mardikh" for
    "Tell Mardikh", "Sirrin" for "Sirrin ash Shamaliyah"), never for running
    text.  Empty when nothing would be dropped or too little would remain.

    Examples
    --------
    >>> sorted(loose_keys("Şirrīn ash Shamālīyah")), sorted(loose_keys("Tell Mardikh"))
    (['sirin'], ['mardik'])
    >>> loose_keys("Hajin"), loose_keys("Tall Kabir")
    (set(), set())
    """
    words = split_words(fold(name))
    if len(words) < 2:
        return set()
    rest = list(words)
    while len(rest) > 1 and (rest[-1] in LOOSE_QUALIFIERS or rest[-1] in ARTICLES):
        rest.pop()
    if rest and rest[0] in ARTICLES and len(rest) > 1:
        rest = rest[1:]
    if len(rest) > 1 and rest[0] in LOOSE_PREFIXES:
        rest = rest[1:]
        if len(rest) > 1 and rest[0] in ARTICLES:
            rest = rest[1:]
    if rest == words or not rest or max(len(w) for w in rest) < 4:
        return set()
    if rest[-1] in LOOSE_QUALIFIERS or (len(rest) == 1 and rest[0] in LOOSE_PREFIXES):
        return set()
    return name_keys(" ".join(rest))
