"""What a URL on osce.org is: a release, a listing page, a file, or elsewhere."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

#: Hosts whose pages belong to the newsroom (office subdomains included).
OSCE_DOMAIN = "osce.org"

# /<section>/<node id>, possibly deeper (/odihr/elections/551359) or behind a
# language prefix (/hr/node/123); the last segment is the numeric node id.
_RELEASE_PATH_RE = re.compile(r"^(?:/[\w.~%-]+)+?/(?P<node>\d{2,10})/?$")
# Drupal's own paths of things that are no release, where a path has no alias: a term, a user, a comment, a file.
_ENTITY_PATH_RE = re.compile(r"/(?:taxonomy/term|user|comment|media|file)/\d+/?$")
_LANGUAGE_PREFIX_RE = re.compile(r"^/(?P<lang>[a-z]{2})(?:-[a-z]{2,4})?/")
# Languages osce.org publishes in. Two-letter sections such as /pa/ (Parliamentary
# Assembly), /pc/ (Permanent Council) and /mc/ (Ministerial Council) are not languages.
SITE_LANGUAGES = frozenset(
    """ru fr de it es hr sq mk sr uk ky kk tg uz tk hy ka az ro bs sl bg el tr pl cs sk hu lt lv et fi sv
    no da nl pt mn be""".split()
)
_FILE_RE = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|svg|webp|mp[34]|avi|mov|txt|csv|xml|json)$", re.I
)
#: Query parameters that select what a listing shows; everything else is noise.
LISTING_FILTER_PARAMS = ("filters", "solrsort", "rows")


def split_url(url: str) -> SplitResult | None:
    """``urlsplit(url)``, or None for a URL it refuses: a bracket left open or closed alone, a host in brackets that
    is no IP address, a host that NFKC normalisation gives a slash or another mark of a URL's parts.

    >>> split_url("https://www.osce.org/cio/1?x").path, split_url("https://[www.osce.org/cio/1")
    ('/cio/1', None)
    """
    try:
        return urlsplit(url)
    except ValueError:  # what urlsplit raises for these, and only for these
        return None


def is_web_url(url: str) -> bool:
    """True for http(s) URLs; ``file:``, ``data:``, ``javascript:`` and others, and URLs that cannot be split into
    their parts, are never fetched.

    >>> is_web_url("javascript:alert(1)"), is_web_url("https://www.osce.org/cio/1"), is_web_url("https://[x/1")
    (False, True, False)
    """
    parts = split_url(url)
    return parts is not None and parts.scheme in {"http", "https"}


def host_allowed(url: str, extra_hosts: frozenset[str] = frozenset()) -> bool:
    """True when ``url`` is on osce.org (any subdomain) or one of ``extra_hosts``.

    >>> host_allowed("https://bishkek.osce.org/node/1"), host_allowed("https://osce.org.evil.net/")
    (True, False)
    """
    if not is_web_url(url):
        return False
    host = (urlsplit(url).hostname or "").lower()  # is_web_url split it: this split cannot raise
    return host == OSCE_DOMAIN or host.endswith("." + OSCE_DOMAIN) or host in extra_hosts


@lru_cache(maxsize=8192)  # a listing page asks of each link several times, and every page links the same menus
def node_id_of(url: str) -> str | None:
    """The numeric node id of a release URL, or None for any other URL.

    >>> node_id_of("https://www.osce.org/odihr/elections/551359")
    '551359'
    >>> node_id_of("https://www.osce.org/files/f/documents/1/2/123.pdf"), node_id_of("/taxonomy/term/2100")
    (None, None)
    """
    parts = split_url(url)
    if parts is None or parts.scheme not in {"http", "https", ""} or _FILE_RE.search(parts.path):
        return None
    if _ENTITY_PATH_RE.search(parts.path):
        return None
    if parts.path.startswith("/files/") or "/sites/default/files/" in parts.path:
        return None
    match = _RELEASE_PATH_RE.match(parts.path)
    return match.group("node") if match else None


def language_of(url: str) -> str:
    """The language of a page from its path prefix; English when there is none.

    >>> language_of("https://www.osce.org/hr/node/52569"), language_of("https://www.osce.org/pa/49486")
    ('hr', 'en')
    """
    parts = split_url(url)
    match = _LANGUAGE_PREFIX_RE.match(parts.path) if parts is not None else None
    if match and match.group("lang") in SITE_LANGUAGES and node_id_of(url):
        return match.group("lang")
    return "en"


def on_mirror(url: str, base_url: str) -> str:
    """``url`` moved to the host of ``base_url`` when it points at osce.org and ``base_url`` is elsewhere.

    Saved or mirrored pages keep absolute links (or a ``<base href>``) to the real site, and the site's
    institution hosts keep www's paths and node ids (``odihr.osce.org/odihr/525330`` is
    ``www.osce.org/odihr/525330``): a crawl of a mirror stays on the mirror.

    >>> on_mirror("https://www.osce.org/cio/49486?x=1", "http://127.0.0.1:8000")
    'http://127.0.0.1:8000/cio/49486?x=1'
    >>> on_mirror("https://odihr.osce.org/odihr/525330", "http://127.0.0.1:8000")
    'http://127.0.0.1:8000/odihr/525330'
    >>> on_mirror("https://odihr.osce.org/odihr/525330", "https://www.osce.org")
    'https://odihr.osce.org/odihr/525330'
    """
    if not host_allowed(url) or host_allowed(base_url) or (target := split_url(base_url)) is None:
        return url
    parts = urlsplit(url)  # host_allowed split it: this split cannot raise
    return urlunsplit((target.scheme, target.netloc, parts.path, parts.query, parts.fragment))


# The shapes of URL that urlsplit reads without surprises, so that their parts can be read off by a match: ASCII,
# none of the tab and line breaks urlsplit deletes, no brackets (an IPv6 host, checked and maybe refused), and for
# a release a non-empty host after "http(s)://" (whose scheme urlsplit would not lower-case).
_SPLITS_PLAINLY_RE = re.compile(r"[^\t\n\r\[\]]*", re.ASCII)
_HTTP_HOST_PATH_RE = re.compile(r"(https?://[^/?#]+)([^?#]*)")
#: The most digits a page number has: no listing has a billion pages (and int() refuses more than 4,300 digits).
MAX_PAGE_DIGITS = 9
# A query that opens with page=N: parse_qsl's first pair is ("page", "N"), N plain digits.
_QUERY_OPENS_WITH_PAGE_RE = re.compile(rf"[^?#]*\?page=([0-9]{{1,{MAX_PAGE_DIGITS}}})(?![^&#])")


def _splits_plainly(url: str) -> bool:
    return url.isascii() and _SPLITS_PLAINLY_RE.fullmatch(url) is not None


def release_url(url: str) -> str:
    """A release URL without query, fragment or trailing slash.

    >>> release_url("https://www.osce.org/cio/49486/?utm=x#top")
    'https://www.osce.org/cio/49486'
    """
    # A listing page asks this of each of its items: the common shape is read by a match, exactly as below.
    if _splits_plainly(url) and (match := _HTTP_HOST_PATH_RE.match(url)):
        return match.group(1) + (match.group(2).rstrip("/") or "/")
    return release_url_by_parts(url)


def release_url_by_parts(url: str) -> str:
    """:func:`release_url` by urlsplit and urlunsplit, whatever the URL's shape.

    >>> release_url_by_parts("HTTPS://www.osce.org/cio/49486/")
    'https://www.osce.org/cio/49486'
    """
    parts = split_url(url)
    if parts is None:  # no parts to put together: the URL is cut where its query or fragment would open
        return re.split("[?#]", url, maxsplit=1)[0].rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") or "/", "", ""))


@lru_cache(maxsize=4096)  # a listing page asks this of each pager link twice, and the next page shows most of them
def page_number(url: str) -> int:
    """The listing page number of a URL (``?page=N``, counted from 0).

    >>> page_number("https://www.osce.org/press-releases?page=3"), page_number("/press-releases")
    (3, 0)
    """
    # A listing page asks this of each pager link; the common shapes (no query, or one that opens with
    # page=N) are read without parse_qsl's unquoting, exactly as below.
    if _splits_plainly(url):
        if "?" not in url:
            return 0
        if match := _QUERY_OPENS_WITH_PAGE_RE.match(url):
            return int(match.group(1))
    return page_number_by_parts(url)


def page_number_by_parts(url: str) -> int:
    """:func:`page_number` by urlsplit and parse_qsl, whatever the URL's shape.

    >>> page_number_by_parts("/press-releases?filters=x&amp;Page=%202")
    2
    """
    parts = split_url(url)
    for key, value in parse_qsl(parts.query.replace("&amp;", "&") if parts else "", keep_blank_values=True):
        # isdecimal, not isdigit: int() reads the decimal digits of any script ("٣"), never a superscript ("²").
        if key.lower().endswith("page") and (number := value.strip()).isdecimal() and len(number) <= MAX_PAGE_DIGITS:
            return int(number)
    return 0


def listing_url(start_url: str, page: int, keep: tuple[str, ...] | None = LISTING_FILTER_PARAMS) -> str:
    """The canonical URL of page ``page`` of the listing that ``start_url`` opens.

    Only the start URL's path and filter parameters (``keep``; None: every parameter but the page)
    are kept: junk paths and parameters in pager links are never trusted.

    >>> listing_url("https://www.osce.org/press-releases?rows=10&x=1", 2)
    'https://www.osce.org/press-releases?rows=10&page=2'
    >>> listing_url("https://www.osce.org/press-releases?page=7", 0)
    'https://www.osce.org/press-releases'
    >>> listing_url("https://www.osce.org/newsroom?type=press&page=0", 3, keep=None)
    'https://www.osce.org/newsroom?type=press&page=3'
    """
    parts = urlsplit(start_url)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query.replace("&amp;", "&"), keep_blank_values=True)
        if (key in keep if keep is not None else not key.lower().endswith("page"))
    ]
    if page:
        query.append(("page", str(page)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))
