"""Text, title, date and outlet from an HTML page (standard-library parser, no network)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

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
        self.in_h1 = False
        self.title = ""
        self.h1 = ""
        self.meta: dict[str, str] = {}
        self.body: list[str] = []
        self.article: list[str] = []
        self.article_depth = 0
        self.time_attr = ""

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
        if self.skip_depth or tag in _SKIP:
            self.skip_depth += 1
            return
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag == "article":
            self.article_depth += 1
        if tag in _BLOCK:
            self._emit("\n\n" if tag in ("p", "h1", "h2", "h3", "li", "blockquote") else "\n")
        elif tag in _CELL:
            self._emit(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self._emit("\n")
        elif tag in _CELL:
            self._emit(" ")
        if tag == "article" and self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1 += data
        self._emit(data)

    def _emit(self, s: str) -> None:
        self.body.append(s)
        if self.article_depth:
            self.article.append(s)


def _tidy(parts: list[str]) -> str:
    text = "".join(parts).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


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
    title = (m.get("og:title") or p.h1 or p.title).strip()
    published = (
        m.get("article:published_time")
        or m.get("datepublished")
        or m.get("date")
        or m.get("pubdate")
        or m.get("dc.date")
        or p.time_attr
    )
    outlet = m.get("og:site_name") or m.get("application-name") or ""
    url = m.get("og:url") or m.get("canonical", "")
    return HtmlDoc(
        text=text,
        title=" ".join(title.split()),
        published=published.strip(),
        outlet=outlet.strip(),
        url=url.strip(),
        meta=m,
    )
