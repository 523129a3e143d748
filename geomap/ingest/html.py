"""Text, title, date and outlet from an HTML page (standard-library parser, no network)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from .meta import site_headline, split_site_suffix

__all__ = ["HtmlDoc", "parse_html"]

_SKIP = {
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "header",
    "aside",
    "form",
    "svg",
    "button",
    "iframe",
    "template",
    "select",
    "figure",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "blockquote",
    "pre",
    "table",
    "main",
    "dd",
    "dt",
    "dl",
    "hr",
    "caption",
    "figcaption",
    "address",
    "details",
    "summary",
    "fieldset",
    "legend",
    "center",
}
#: Classes and ids of the boxes around an article that are not it.
_BOX_CLASS = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-?list|disqus|replies|related|share|sharing|sharedaddy|social|newsletter|"
    r"subscribe|subscription|cookies?|consent|gdpr|advert|advertisement|ads|sponsored|promo|sidebar|breadcrumbs?|"
    r"popup|modal|paywall)(?:$|[\s_-])",
    re.I,
)
#: Table cells: text in the cells of a row is separated, not run together ("Masyaf airstrike").
_CELL = {"td", "th"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}


@dataclass
class HtmlDoc:
    """What a page yields: body text and any metadata it declares."""

    text: str = ""
    title: str = ""
    published: str = ""
    outlet: str = ""
    url: str = ""
    meta: dict[str, str] = field(default_factory=dict)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.in_title = False
        self.heading = ""  # "h1", or "h2" for a headline-class h2, while inside one
        self.title = ""
        self.h1s: list[str] = []
        self.h2s: list[str] = []  # <h2 class="headline">, <h2 class="entry-title">...
        self.meta: dict[str, str] = {}
        self.body: list[str] = []
        self.article: list[str] = []
        self.article_depth = 0
        self.time_attr = ""
        self.in_ld = False
        self.ld: list[str] = []
        self.code_depth = 0  # inside <script> or <style>
        self.rights: list[str] = []  # copyright notices, wherever they stand (footers too)
        self.box_tag = ""  # the tag of the boilerplate box being skipped ("" outside one)
        self.box_depth = 0
        self.rights_open = 0  # the notice's next pieces of text ("© 2021 <a>Enab Baladi</a>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", a.get("href", ""))
        if tag == "time" and a.get("datetime") and not self.time_attr:
            self.time_attr = a["datetime"]
        if tag in _VOID:
            if tag == "br":
                self._emit("\n")
            return
        if self.box_tag or (
            tag not in ("article", "main", "body", "html")
            and _BOX_CLASS.search(f"{a.get('class', '')} {a.get('id', '')}")
        ):
            # Readers' comments, share bars, related stories: counted by their own tag, so an
            # unclosed <p> inside one cannot swallow the page after it (nor can its scripts).
            if not self.box_tag:
                self.box_tag, self.box_depth = tag, 0
            self.box_depth += tag == self.box_tag
            self.code_depth += tag in ("script", "style")
            return
        if tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            self.in_ld = True
            self.ld.append("")
        if tag in ("script", "style"):
            self.code_depth += 1
        if self.skip_depth or tag in _SKIP:
            self.skip_depth += 1
            return
        if tag == "title":
            self.in_title = True
        if tag == "h1" and not self.heading:
            self.heading = "h1"
            self.h1s.append("")
        elif tag == "h2" and not self.heading and _HEADLINE_CLASS.search(a.get("class", "")):
            self.heading = "h2"
            self.h2s.append("")
        if tag == "article":
            self.article_depth += 1
        if tag in _BLOCK:
            self._emit("\n\n" if tag in ("p", "h1", "h2", "h3", "li", "blockquote") else "\n")
        elif tag in _CELL:
            self._emit(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.box_tag:
            if tag in ("script", "style") and self.code_depth:
                self.code_depth -= 1
            if tag == self.box_tag:
                self.box_depth -= 1
                if not self.box_depth:
                    self.box_tag = ""
            return
        if tag == "script":
            self.in_ld = False
        if tag in ("script", "style") and self.code_depth:
            self.code_depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag == "title":
            self.in_title = False
        if tag == self.heading:
            self.heading = ""
        if tag in _BLOCK:
            self._emit("\n")
        elif tag in _CELL:
            self._emit(" ")
        if tag == "article" and self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_ld:
            self.ld[-1] += data
            return
        if self.in_title:
            self.title += data
            return
        if not self.code_depth and _RIGHTS_MARK.search(data):
            self.rights.append(data)
            self.rights_open = 3
        elif not self.code_depth and self.rights_open:
            self.rights[-1] += data
            self.rights_open -= 1
        if self.skip_depth or self.box_tag:
            return
        if self.heading:
            (self.h1s if self.heading == "h1" else self.h2s)[-1] += data
        self._emit(data)

    def _emit(self, s: str) -> None:
        self.body.append(s)
        if self.article_depth:
            self.article.append(s)


#: The class of an ``<h2>`` that holds the page's headline.
_HEADLINE_CLASS = re.compile(r"(?i)\b(?:headline|(?:entry|post|article|story|page)-title)\b")
#: A copyright notice and the name after its mark and year: "© 2021 Enab Baladi. All rights reserved."
_RIGHTS_MARK = re.compile(r"©|\((?i:c)\)|\b(?i:copyright)\b")
_RIGHTS = re.compile(
    rf"(?:{_RIGHTS_MARK.pattern})\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*(?:\s(?:[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*|(?!(?:19|20)\d\d\b)\d+)){0,5})"
)


def copyright_names(notices: list[str]) -> list[str]:
    """The names copyright notices give ("© 2021 Enab Baladi. All rights reserved." gives "Enab Baladi").

    >>> copyright_names(["Copyright © 2019-2021 Orontes Wire 2021, all rights reserved", "(C) Safita Today said"])
    ['Orontes Wire', 'Safita Today']
    """
    return [m.group("name") for notice in notices for m in _RIGHTS.finditer(" ".join(notice.split()))]


def _tidy(parts: list[str]) -> str:
    text = "".join(parts).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _ld_nodes(value: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD block: itself, the items of a list, the nodes of an ``@graph``."""
    if isinstance(value, list):
        return [node for item in value for node in _ld_nodes(item)]
    if not isinstance(value, dict):
        return []
    return [value, *_ld_nodes(value.get("@graph"))]


def _ld_name(value: Any, by_id: dict[str, dict[str, Any]]) -> str:
    """The name of a JSON-LD ``publisher``: an object, a list of them, an ``@id`` reference, or a string."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return next((name for item in value if (name := _ld_name(item, by_id))), "")
    if not isinstance(value, dict):
        return ""
    own = value.get("name")
    if isinstance(own, str) and own.strip():
        return own.strip()
    ref = value.get("@id")
    target = by_id.get(ref) if isinstance(ref, str) else None
    return _ld_name(target, {}) if target is not None and target is not value else ""


def _ld_all(blocks: list[str]) -> list[dict[str, Any]]:
    """The objects of a page's JSON-LD blocks; blocks that are not JSON are passed over."""
    nodes: list[dict[str, Any]] = []
    for block in blocks:
        try:
            nodes += _ld_nodes(json.loads(block))
        except ValueError:
            continue
    return nodes


def ld_headlines(blocks: list[str]) -> list[str]:
    """The ``headline`` values a page's JSON-LD declares, in order.

    >>> ld_headlines(['{"@type": "NewsArticle", "headline": "Jets strike Masyaf"}', "not json"])
    ['Jets strike Masyaf']
    """
    return [h.strip() for node in _ld_all(blocks) if isinstance(h := node.get("headline"), str) and h.strip()]


def json_ld(blocks: list[str]) -> tuple[str, str]:
    """The publisher's name and the publication date a page's JSON-LD declares.

    Blocks that are not JSON are passed over.

    Examples
    --------
    >>> json_ld(['{"@type": "NewsArticle", "datePublished": "2021-05-04", "publisher": {"name": "Levant24"}}'])
    ('Levant24', '2021-05-04')
    >>> json_ld(['{"@graph": [{"@type": "NewsArticle", "publisher": {"@id": "#o"}}, {"@id": "#o", "name": "X"}]}'])
    ('X', '')
    """
    nodes = _ld_all(blocks)
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    publisher = next((name for node in nodes if (name := _ld_name(node.get("publisher"), by_id))), "")
    published = next((d.strip() for node in nodes if isinstance(d := node.get("datePublished"), str) and d.strip()), "")
    return publisher, published


def parse_html(source: str) -> HtmlDoc:
    """Parse a page: the ``<article>`` text if there is one, else the body.

    Examples
    --------
    >>> d = parse_html("<title>T</title><article><p>a &lt;b&gt;</p></article><script>x</script>")
    >>> d.title, d.text
    ('T', 'a <b>')
    """
    p = _Parser()
    p.feed(source)
    p.close()
    text = _tidy(p.article) if "".join(p.article).strip() else _tidy(p.body)
    m = p.meta
    ld_publisher, ld_published = json_ld(p.ld)
    declared_outlet = m.get("og:site_name") or ld_publisher or m.get("application-name") or ""
    # The site's names elsewhere on the page: a <title> suffix that is one of them is the site's name.
    names = (m.get("og:site_name", ""), ld_publisher, m.get("application-name", ""), *copyright_names(p.rights))
    names = tuple(n for n in names if n.strip())
    # "Enab Baladi Mirror - Home", "Levant Wire | News": the <title> is the site's, the headline elsewhere.
    headlines = (m.get("og:title", ""), *ld_headlines(p.ld), *p.h1s, *p.h2s)
    chosen = site_headline(p.title, headlines, names)
    if chosen is not None:
        title, title_site = chosen
    else:
        # "Headline - Outlet Name" in <title>: the headline is the title, the site's name the outlet.
        headline = (m.get("og:title") or "".join(p.h1s)).strip()
        page_title, title_site = split_site_suffix(p.title, headline, names)
        title = headline or page_title
    published = (
        m.get("article:published_time")
        or m.get("datepublished")
        or m.get("date")
        or m.get("pubdate")
        or m.get("dc.date")
        or ld_published
        or p.time_attr
    )
    outlet = declared_outlet or title_site
    url = m.get("og:url") or m.get("canonical", "")
    return HtmlDoc(
        text=text,
        title=" ".join(title.split()),
        published=published.strip(),
        outlet=outlet.strip(),
        url=url.strip(),
        meta=m,
    )
