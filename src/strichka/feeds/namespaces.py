"""XML namespaces feeds use, and which of them count as "core" RSS elements."""

ATOM10 = "http://www.w3.org/2005/Atom"
ATOM03 = "http://purl.org/atom/ns#"
RSS10 = "http://purl.org/rss/1.0/"
RSS090 = "http://my.netscape.com/rdf/simple/0.9/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
MEDIA = "http://search.yahoo.com/mrss/"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
XHTML = "http://www.w3.org/1999/xhtml"
XML = "http://www.w3.org/XML/1998/namespace"

ATOM = (ATOM10, ATOM03)
# RSS elements appear without a namespace (0.9x, 2.0) or in one of these (RSS 1.0, 0.90, and a
# few feeds that put RSS 2.0 in a namespace of their own).
RSS_CORE = ("", RSS10, RSS090, "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss")
# Yahoo's Media RSS has been published under several URIs; feeds use all of them.
MEDIA_ALIASES = (MEDIA, "http://search.yahoo.com/rss/", "http://search.yahoo.com/mrss", "http://tools.search.yahoo.com/mrss/")


CONVENTIONAL_PREFIXES = {
    "rss": "", "atom": ATOM10, "dc": DC, "dcterms": DCTERMS, "content": CONTENT, "media": MEDIA,
    "itunes": ITUNES, "rdf": RDF,
}
_SPLIT: dict[str, tuple[str, str]] = {}  # feeds use a few dozen tags: remember their split


def split_tag(tag: str) -> tuple[str, str]:
    """'{ns}local' → ('ns', 'local'); 'local' → ('', 'local')."""
    split = _SPLIT.get(tag)
    if split is None:
        if tag[:1] == "{":
            ns, _, local = tag[1:].partition("}")
            split = (ns, local)
        elif ":" in tag:
            # Recovery keeps an undeclared prefix in the name ("rss:item"); read the usual ones.
            prefix, _, local = tag.partition(":")
            split = (CONVENTIONAL_PREFIXES.get(prefix.lower(), prefix + ":"), local)
        else:
            split = ("", tag)
        if len(_SPLIT) < 4096:  # bounded: hostile feeds can invent endless tag names
            _SPLIT[tag] = split
    return split
