"""Strip the boilerplate scraped pages carry around the article.

Share and donate prompts, disclaimers and copyright blocks, "Note to readers",
newsletter and dating ads, site chrome, and pasted social-media feeds (tweet
headers, retweet/like counters, handles, t.co links).  Works line by line so
the article's own paragraphs are kept verbatim.
"""

from __future__ import annotations

import re

from .._regex import AnyOf, Folded
from .feed import COUNTERS

__all__ = ["clean_text", "strip_captions", "strip_markdown"]

#: The buttons under a post or beside an article ("Reply", "Retweet", "Quote", "Like", "Share", "Pin").
_ACTION = (
    r"(repl(y|ies)|retweets?|reposts?|quotes?|likes?|shares?|tweet|pin|save|comments?|email|print|follow|bookmarks?"
    r"|react|upvote|downvote|copy link|whatsapp|telegram|facebook|twitter|reddit|linkedin|views?)"
)
_LINE_PATTERNS = [
    r"^\s*note to readers\b",
    r"^\s*the original source of this article is\b",
    r"copyright\s*(©|\(c\)|&copy;)",
    r"^\s*©",
    r"^\s*disclaimer\s*:",
    r"^\s*comment on .{0,60}\b(facebook|twitter)\b",
    r"^\s*become a member of\b",
    r"^\s*articles by\s*:",
    r"^\s*for media inquiries\b",
    r"contains copyrighted material",
    r"^\s*(subscribe|sign up)\b.{0,80}\b(newsletter|inbox|updates|email)",
    r"\bnewsletter\b.{0,40}$",
    r"^\s*(please )?(donate|support us|follow us|like us)\b.{0,60}$",
    # "Share this article", "Share on Facebook", "Share:"; not "Share prices fell ...".
    r"^\s*(please )?share(\s+(this|it|on|via|with|our|the (article|story|post|link))\b|\s*[:!]|\s*$).{0,60}$",
    r"\bclick the share buttons\b",
    r"^\s*donate\s*$",
    r"\bdonate\s*$",
    r"^\s*(load more|read more|see more|show more)\b.{0,5}$",
    r"\b(retweet|reply|like) on twitter\b",
    r"\btwitter feed (video|image)\b",
    r"^\s*image for the tweet beginning",
    r"\bretweeted\s*$",
    r"avatar.{0,60}@\w+\s*·",
    r"^\s*@?[\w.'’ -]{1,40}@\w{1,30}\s*·?\s*$",  # "Display Name@handle"
    r"^\s*\d{1,2}[hm] \d{15,}\s*$",
    r"https?://t\.co/\S+",
    r"follow[\d,]{3,}\s*$",
    r"\b(singles|dating|meet your .{0,30}love)\b",
    r"^\s*(region|theme|in-depth report|tags?|categor(y|ies)|filed under|topics?)\s*:",
    r"^\s*screen shot \d{4}-\d\d-\d\d",
    r"^\s*(share|tweet|email|print|whatsapp|telegram|facebook|twitter|reddit|linkedin)"
    r"(\s*[|/·•]\s*\w+|\s+(share|tweet|email|print|whatsapp|telegram|facebook|twitter|reddit|linkedin))*\s*$",
    r"^\s*subscribe to\b.{0,60}$",
    r"^\s*tweets by @\w+\s*$",
    # A byline: "By Rami Haddad", "By Al-Monitor staff", "By Middle East Eye staff and agencies".
    r"^\s*by\s+(?-i:[A-Z][\w&.'’-]*(\s+[A-Z][\w&.'’-]*){0,4})(\s+staff(\s+(writers?|reporters?))?)?"
    r"(\s+(and|&)\s+(news\s+)?agencies)?\s*$",
    r"^\s*(accept|reject) (all )?cookies\b",
    r"^\s*([\w&'’ -]{1,25}\s*\|\s*){3,}[\w&'’ -]{1,25}\s*$",  # a menu: "Home | World | Opinion | Sport"
    r"^\s*(search|menu|home|skip to (main )?content|sign in|log in|subscribe|newsletter)\s*$",
    r"\bwe use cookies\b",
    r"^\s*(advertisement|sponsored|related( articles| posts)?|most read|trending)\s*:?\s*$",
    r"^\s*by\s*\d+ (hours?|minutes?|days?) ago",
    r"^\s*\d+ (hours?|minutes?) ago\s*(no comments?|\d+ comments?)?\s*$",
    r"^\s*[*\\#_=-]{1,5}\s*$",
    r"^\s*all rights reserved\b",
    r"^\s*privacy policy\b",
    r"^\s*our mission is to\b",
    r"^\s*(rt|retweet) displayed on\b",
    COUNTERS.pattern,  # "12 Reposts  30 Likes  2.1K Views"
    r"^\s*this (web)?site uses cookies\b",
    # A link to another story under its label: "Read more: Jets return to Masyaf", "You may also like: A | B".
    # The label and its colon (or arrow, bar, dash) open the line: a sentence that says "read more" goes on.
    r"^\s*(read (more|also|next)|also read|see also|more on this( story| topic)?|related( articles| posts| stories"
    r"| news| content| coverage)?|you (may|might) also( like| be interested in)|recommended( for you)?|don'?t miss)"
    r"\s*(:|»|>|\||\s[-–—])\s*\S",
    # A row of a post's or an article's action buttons: "Retweet Quote Like", "Tweet Share Pin 124 comments".
    rf"^\s*(?=.*\b{_ACTION}\b)(({_ACTION}\b|[\d.,]+[km]?\b|\d{{1,2}}[smhd]\b)\s*[|/·•,]?\s*){{2,}}$",
]
_LIST_HEAD = re.compile(
    r"^\s*(?:related(?: articles| posts| stories| news| content| coverage)?|more (?:stories|news|articles|on this story)"
    r"|read (?:more|also|next)|see also|you may also like|you might also like|recommended(?: for you)?"
    r"|most (?:read|popular|viewed)|trending(?: now)?|latest (?:news|stories)|also in \w+)\s*:?\s*$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:[-•*·–—]|\d{1,2}[.)])\s")
#: Any boilerplate pattern; case-folded where it can be (same answers, faster: geomap/_regex.py).
_LINE_RE = AnyOf([re.compile(p, re.IGNORECASE) for p in _LINE_PATTERNS])

# A tweet block: header line ("Name@handle·" or "... Retweeted") up to its
# "Reply on Twitter ... Twitter 1234" footer line.
_TWEET_HEAD = Folded(re.compile(r"(@\w+\s*·|\bretweeted\s*$)", re.IGNORECASE))
_TWEET_FOOT = Folded(re.compile(r"\b(reply|retweet|like) on twitter\b", re.IGNORECASE))

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"(\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)|(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_])|`)")
#: A heading is a paragraph of its own: a notes file's sections never run together.
_MD_HEAD = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*(.*?)[ \t#]*$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def strip_markdown(text: str) -> str:
    """Drop markdown markup (headings, emphasis, links, inline HTML), keep the words.

    Examples
    --------
    >>> strip_markdown("## **Big** [news](http://x) <u>here</u> \\\\*")
    'Big news here *'
    >>> strip_markdown("## Douma\\nOn _Monday_ jets struck.")
    'Douma\\n\\nOn Monday jets struck.'
    """
    import html

    escaped = {"\\*": "\x01", "\\_": "\x02", "\\#": "\x03"}
    for k, v in escaped.items():
        text = text.replace(k, v)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEAD.sub(lambda m: f"\n{m.group(1)}\n", text)
    text = _MD_QUOTE.sub("", text)
    text = _TAG.sub("", text)
    text = _MD_MARK.sub("", text)
    for k, v in escaped.items():
        text = text.replace(v, k[1])
    return html.unescape(text).strip("\n")


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A photo credit in brackets: "(AFP Photo)", "(File photo)", "(Reuters/Omar Sanadiki)",
# "(TRT World and Agencies)", "(Getty Images)".  Not a bare "(SANA)" or "(AFP)": those
# also attribute a statement.
_CREDIT = re.compile(
    r"\((?:[^()\n]{0,40}\b(?:photo|agencies|getty images|images)|(?:afp|reuters|ap|epa|aa|anadolu)(?: photo)?/[^()\n]{1,40}"
    r"|file)\)",
    re.IGNORECASE,
)
# A wire caption ends with its place and date: "... in Idlib, Syria, August 6, 2016."
_CAPTION_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\s*[.,]?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+|\n")


def strip_captions(text: str) -> str:
    """Cut photo captions and their credits out of running text.

    A caption is the text from the last sentence end before a photo credit
    ("(File photo)", "(TRT World and Agencies)") up to it, when the credit names
    a photo or the caption ends with a date, as wire captions do.  Otherwise only
    the credit goes.  Captions describe pictures, often of older incidents;
    they are not the report.

    Examples
    --------
    >>> strip_captions("Shelling hit Hama. A boy in Idlib, Syria, August 6, 2016 (X World and Agencies) Two died.")
    'Shelling hit Hama. Two died.'
    >>> strip_captions("Two died in the raid. (TRT World and Agencies)")
    'Two died in the raid.'
    >>> strip_captions("The attack killed 5 (AFP) on Monday.")
    'The attack killed 5 (AFP) on Monday.'
    >>> strip_captions("x. " + "word " * 100 + "August 6, 2016 (File photo) Then.")[-36:]
    'word word word August 6, 2016. Then.'
    """
    if "(" not in text:
        return text
    out: list[str] = []
    cursor = 0
    for m in _CREDIT.finditer(text):
        if m.start() < cursor:
            continue
        window_start = max(cursor, m.start() - 400)
        before = text[window_start : m.start()]
        ends = list(_SENTENCE_END.finditer(before))
        # No sentence end within reach: the caption's start is unknown, so only the credit goes.
        cap_start = window_start + ends[-1].end() if ends else window_start if window_start == cursor else m.start()
        caption = text[cap_start : m.start()]
        is_photo = "photo" in m.group().lower() or "image" in m.group().lower() or "/" in m.group()
        if caption.strip() and (is_photo or _CAPTION_DATE.search(caption)):
            out.append(text[cursor:cap_start])
        else:
            out.append(text[cursor : m.start()].rstrip(" "))
            if not out[-1].rstrip().endswith((".", "!", "?")) and text[m.end() :].strip():
                out.append(".")
        cursor = m.end()
        while cursor < len(text) and text[cursor] == " ":
            cursor += 1
        if out and out[-1] and not out[-1][-1].isspace() and cursor < len(text) and not text[cursor].isspace():
            out.append(" ")
    out.append(text[cursor:])
    return "".join(out)


# Share bars that lost their line breaks in an export ("... Print Tweet Views 1430 Related ...",
# "Get short URL 0 55"): the words go, and a list of related headlines starts a new sentence.
_INLINE_SHARE = re.compile(
    r"\s*\b(?:Print\s+Tweet(?:\s+Views\s+\d+)?|Get\s+short\s+URL(?:\s+\d+){0,3})(?P<related>\s+Related\b)?\s*"
)


def _inline_share(m: re.Match[str]) -> str:
    return ". Related: " if m.group("related") else ". "


# A hashtag joins a name's words with underscores: "#Maarat_al_Numan", "#Deir_ez_Zor".
_HASHTAG_WORDS = re.compile(r"(?<![\w#])#([^\W_]+(?:_+[^\W_]+)+)")


def split_hashtags(text: str) -> str:
    """Put spaces back between a hashtag's words, so the name inside it can be found.

    >>> split_hashtags("Jets hit #Maarat_al_Numan; #Syria #Idlib_Now")
    'Jets hit #Maarat al Numan; #Syria #Idlib Now'
    """
    if "_" not in text:
        return text
    return _HASHTAG_WORDS.sub(lambda m: "#" + " ".join(w for w in m.group(1).split("_") if w), text)


def clean_text(text: str) -> str:
    """Remove boilerplate lines and pasted social-media feeds.

    Examples
    --------
    >>> clean_text("Shelling hit the town.\\n\\nNote to readers: please click share.\\nFoo@foo·\\nhi\\nReply on Twitter 1")
    'Shelling hit the town.'
    >>> clean_text("Jets hit Ariha AFP Friday 3 May 2019 Print Tweet Views 12 Related Other news Jets struck Ariha.")
    'Jets hit Ariha AFP Friday 3 May 2019. Related: Other news Jets struck Ariha.'
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    keep = [True] * len(lines)
    in_tweet = False
    for i, line in enumerate(lines):
        if _TWEET_HEAD.search(line):
            in_tweet = True
        if in_tweet:
            keep[i] = False
            if _TWEET_FOOT.search(line) or COUNTERS.match(line):
                in_tweet = False  # the embed's footer, or a pasted post's counters
            continue
        if _LINE_RE.search(line):
            keep[i] = False
    # A "Related articles" heading: the headline list under it goes too, up to the first prose line.
    for i, line in enumerate(lines):
        if not _LIST_HEAD.match(line):
            continue
        keep[i] = False
        for j in range(i + 1, len(lines)):
            item = lines[j].strip()
            if item and not _LIST_ITEM.match(item) and (len(item) > 150 or item.endswith((".", '."', ".”"))):
                break
            keep[j] = False
    # A disclaimer or copyright paragraph often wraps over several lines; drop
    # the rest of a paragraph whose first line was boilerplate.
    for i in range(1, len(lines)):
        if not keep[i - 1] and lines[i - 1].strip() and lines[i].strip() and len(lines[i]) < 200:
            if _LINE_RE.search(lines[i - 1]) and not _TWEET_HEAD.search(lines[i - 1]):
                keep[i] = keep[i] and not lines[i - 1].rstrip().endswith((":", ","))
    out: list[str] = []
    for line, k in zip(lines, keep, strict=True):
        if not k:
            if out and out[-1] != "":
                out.append("")
            continue
        stripped = line.rstrip()
        if not stripped.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(stripped)
    return split_hashtags(strip_captions(_INLINE_SHARE.sub(_inline_share, "\n".join(out)).strip()))
