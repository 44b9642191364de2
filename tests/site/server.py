"""The mock osce.org: a threaded HTTP server on 127.0.0.1 serving one markup variant."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from tests.site.releases import MockRelease, make_releases
from tests.site.render import (
    VARIANTS,
    render_app_shell,
    render_listing,
    render_maintenance,
    render_not_found,
    render_release,
)

PER_PAGE = 10
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: What a faulty first attempt meets: server errors, throttling with Retry-After, a reset
#: connection, a response that stalls past the download timeout, a body cut short.
FAULTS = ("500", "502", "503", "429", "reset", "stall", "truncated")
ROBOTS_TXT = "User-agent: *\nDisallow: /search\nDisallow: /admin/\n"
#: What osce.org's robots.txt ends with: its sitemap index, at the real site's address (a mirror moves it).
SITEMAP_LINE = "Sitemap: https://www.osce.org/sitemap.xml\n"
#: Releases per URL set of the sitemap index (the real site's hold thousands).
SITEMAP_PER_PAGE = 5
#: What a broken sitemap index is: a 404, an HTML page, a gzip file cut short.
SITEMAP_FAULTS = ("404", "html", "gzip")


class _QuietServer(ThreadingHTTPServer):
    """Connections that the client drops, or that the fault mode resets, are not worth a traceback."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@dataclass(frozen=True)
class Entry:
    """One item of a listing page: a release under one of its paths."""

    release: MockRelease
    path: str


#: The newsroom's own host: drupal11 cards of ODIHR releases link to odihr.osce.org, and one of them is
#: listed again at its old address here.
WWW_HOST = "https://www.osce.org"


def make_entries(releases: list[MockRelease], *, other_host: bool = False) -> list[Entry]:
    """The listing's items, newest first, with the real site's repeats.

    A release listed twice on one page, one listed on two pages, and one listed
    a second time under its ``/node/`` alias; with ``other_host`` (drupal11, whose
    cards link ODIHR's releases to odihr.osce.org), an ODIHR release listed again
    at its absolute www.osce.org address.
    """
    entries = [Entry(r, r.path) for r in releases]
    if len(releases) > 31:  # a small newsroom (a test's few pages) is listed plainly
        entries.insert(2, Entry(releases[1], releases[1].path))
        entries.insert(21, Entry(releases[9], f"/node/{releases[9].node_id}"))
        entries.insert(36, Entry(releases[31], releases[31].path))
        moved = next((r for r in releases[12:] if r.path.startswith("/odihr/")), None)
        if other_host and moved is not None:
            entries.insert(15, Entry(moved, WWW_HOST + moved.path))
    return entries


def release_paths(release: MockRelease) -> list[str]:
    """Every path that serves a release: its own, its aliases, ``/node/N``, and ODIHR's ``/odihr/N``."""
    paths = [release.path, *release.aliases, f"/node/{release.node_id}"]
    if release.path.startswith("/odihr/"):
        paths.append(f"/odihr/{release.node_id}")
    return paths


class MockSite:
    """Serves the mock newsroom; ``with MockSite("drupal") as site: site.base_url``."""

    def __init__(
        self,
        variant: str = "drupal",
        releases: list[MockRelease] | None = None,
        port: int = 0,
        *,
        renamed_labels: bool = False,
        fault_rate: float = 0.0,
        fault_seed: int = 1,
        maintenance: bool = False,
        script_shell: bool = False,
        frozen_at: dt.date | None = None,
        edits: dict[str, Callable[[MockRelease], MockRelease]] | None = None,
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r}; choose one of {', '.join(VARIANTS)}")
        self.variant = variant
        # The site "changes": release pages print Place: and Source: under other names.
        self.renamed_labels = renamed_labels
        #: Paths answered with 503 on every attempt (pages that fail for good).
        self.failing_paths: set[str] = set()
        #: Fault mode: this share of first attempts fails (see FAULTS); later attempts succeed.
        self.fault_rate = fault_rate
        self.fault_seed = fault_seed
        self.retry_after = 1
        #: robots.txt's Crawl-delay, in seconds (none when None).
        self.crawl_delay: float | None = None
        self.stall_seconds = 3.0
        self.attempts: dict[str, int] = {}
        self.faults_served: dict[str, str] = {}
        self.request_times: list[tuple[float, str]] = []
        #: Release paths whose pages are served in windows-1250, declared in the header or only in a meta tag.
        self.charset_paths: dict[str, str] = {}
        #: Alias paths (/node/N) answered with a redirect to the release's own path.
        self.redirect_aliases = False
        #: Paths that redirect to each other for ever.
        self.redirect_loops: dict[str, str] = {}
        #: Paths served as a 30 MB page.
        self.huge_paths: set[str] = set()
        #: Listing pages answer 200 with a maintenance page that lists nothing.
        self.maintenance = maintenance
        #: The newsroom moved: /press-releases and its pages redirect here (without their page number).
        self.newsroom_path: str | None = None
        #: Release pages answer 200 with an empty app shell that a script would fill.
        self.script_shell = script_shell
        #: Release pages (not the listing) answer 200 with the maintenance page.
        self.release_maintenance = False
        #: A redesign the reader cannot page: each listing page shows its items and no pager.
        self.pager_hidden = False
        #: Listing pages answer 200 with a themed "Page not found" listing the three latest releases.
        self.listing_not_found = False
        #: Listing pages (by number) answered 200 with the maintenance page, the others served as ever.
        self.maintenance_pages: set[int] = set()
        #: The listing stopped updating: it lists only releases of this date and older (pages stay served).
        self.frozen_at = frozen_at
        #: Release pages served edited: node id -> a function of the release returning the edited release.
        self.edits: dict[str, Callable[[MockRelease], MockRelease]] = dict(edits or {})
        #: Paths of releases taken down after publication: answered with ``gone_status`` (404 or 410).
        self.gone_paths: set[str] = set()
        self.gone_status = 404
        #: Release pages carry an ETag (of their bytes) and answer a matching If-None-Match with 304.
        self.etags = True
        #: Paths answered 304.
        self.not_modified: list[str] = []
        #: robots.txt names the sitemap index (/sitemap.xml; URL sets /sitemap.xml?page=N, each URL with a lastmod).
        self.sitemap = False
        #: A release's lastmod in the sitemap, by node id (an edit's new time); the others': their date.
        self.sitemap_lastmods: dict[str, dt.datetime] = {}
        #: The sitemap index is broken: one of SITEMAP_FAULTS.
        self.sitemap_fault: str | None = None
        self.releases: list[MockRelease] = []
        self.publish(releases if releases is not None else make_releases())
        self.requests: list[str] = []
        self.user_agents: set[str] = set()
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", port), self._handler())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    def publish(self, releases: list[MockRelease]) -> None:
        """Put ``releases`` at the top of the newsroom (newest first)."""
        self.releases = list(releases) + self.releases
        listed = [r for r in self.releases if self.frozen_at is None or r.date <= self.frozen_at]
        self.entries = make_entries(listed, other_host=self.variant == "drupal11")
        self.last_page = (len(self.entries) - 1) // PER_PAGE
        self.by_path = {path: r for r in self.releases for path in release_paths(r)}
        self._index = {r.node_id: i for i, r in enumerate(self.releases)}

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def add_redirect_loop(self, node_id: str) -> str:
        """List a release whose page redirects to another path that redirects back; returns its path."""
        path, other = f"/cio/{node_id}", f"/cio/{node_id}/moved"
        self.redirect_loops.update({path: other, other: path})
        stand_in = replace(self.releases[0], node_id=node_id, title="A release that never arrives", aliases=[])
        self.entries.insert(4, Entry(stand_in, path))
        return path

    def encode(self, path: str, body: str | bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
        """The body's bytes; some pages in windows-1250, declared only in the header or only in a meta tag."""
        if isinstance(body, bytes):
            return body, headers
        declared = self.charset_paths.get(path)
        if declared == "header":
            return body.encode("windows-1250"), {**headers, "Content-Type": "text/html; charset=windows-1250"}
        if declared == "meta":
            body = body.replace("<meta charset='utf-8'>", "<meta charset='windows-1250'>")
            body = body.replace('<meta charset="utf-8" />', '<meta charset="windows-1250" />')
            return body.encode("windows-1250"), {**headers, "Content-Type": "text/html"}
        return body.encode("utf-8"), headers

    def listing_page(self, page: int) -> list[Entry]:
        return self.entries[page * PER_PAGE : (page + 1) * PER_PAGE]

    def sitemap_lastmod(self, release: MockRelease) -> dt.datetime:
        """The release's lastmod in the sitemap: :attr:`sitemap_lastmods`, else noon of its date (UTC)."""
        return self.sitemap_lastmods.get(release.node_id) or dt.datetime.combine(release.date, dt.time(12),
                                                                                  tzinfo=dt.UTC)

    def sitemap_xml(self, page: int) -> str | bytes | None:
        """The sitemap index (page 0) or its URL set ``page`` (from 1), at the real site's addresses; None past
        the last."""
        chunks = [self.releases[i : i + SITEMAP_PER_PAGE] for i in range(0, len(self.releases), SITEMAP_PER_PAGE)]
        if page == 0:
            if self.sitemap_fault == "404":
                return None
            if self.sitemap_fault == "html":
                return "<html><body><h1>Site maintenance</h1></body></html>"
            if self.sitemap_fault == "gzip":
                return gzip.compress(b"<sitemapindex></sitemapindex>")[:12]
            items = "".join(f"<sitemap><loc>{WWW_HOST}/sitemap.xml?page={n}</loc>"
                            f"<lastmod>{max(map(self.sitemap_lastmod, chunk)).isoformat()}</lastmod></sitemap>"
                            for n, chunk in enumerate(chunks, start=1))
            return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">{items}</sitemapindex>'
        if not 1 <= page <= len(chunks):
            return None
        urls = "".join(f"<url><loc>{WWW_HOST}{r.path}</loc><lastmod>{self.sitemap_lastmod(r).isoformat()}</lastmod>"
                       f"</url><url><loc>{WWW_HOST}/files/f/documents/{r.node_id}.pdf?download</loc></url>"
                       for r in chunks[page - 1])
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">{urls}</urlset>'

    def related(self, release: MockRelease) -> list[MockRelease]:
        """The two releases after ``release`` in the newsroom: its page's related content."""
        index = self._index.get(release.node_id, -1)
        others = [self.releases[(index + k) % len(self.releases)] for k in (1, 2)]
        return list({r.node_id: r for r in others if r.node_id != release.node_id}.values())

    def respond(self, target: str) -> tuple[int, str, str | bytes]:
        """(status, content type, body) for a request target such as ``/press-releases?page=2``."""
        parts = urlsplit(target)
        path = parts.path.rstrip("/") or "/"
        if path in self.huge_paths:
            filler = "<p>" + "An enormous page. " * 60 + "</p>"
            body = "<html><body>" + filler * (30_000_000 // len(filler)) + "</body></html>"
            return 200, "text/html; charset=utf-8", body
        if path in self.redirect_loops:
            return 302, "", self.redirect_loops[path]
        if self.redirect_aliases and path in self.by_path and path != self.by_path[path].path:
            return 301, "", self.by_path[path].path
        if path in self.failing_paths:
            return 503, "text/html", "<html><body>Service unavailable</body></html>"
        if path in self.gone_paths:
            return self.gone_status, "text/html", "<html><body><h1>Page not found</h1></body></html>"
        if self.newsroom_path and (path == "/press-releases" or path.startswith("/press-releases/")):
            return 301, "", self.newsroom_path  # the page number is lost, as a careless redirect loses it
        if self.newsroom_path and path == self.newsroom_path:
            path = "/press-releases"
        if path == "/robots.txt":
            delay = f"Crawl-delay: {self.crawl_delay:g}\n" if self.crawl_delay is not None else ""
            return 200, "text/plain", ROBOTS_TXT + delay + (SITEMAP_LINE if self.sitemap else "")
        if path == "/sitemap.xml" and self.sitemap:
            query = dict(parse_qsl(parts.query))
            xml = self.sitemap_xml(int(query["page"]) if query.get("page", "").isdigit() else 0)
            if xml is None:
                return 404, "text/html", "<html><body><h1>Page not found</h1></body></html>"
            return 200, "application/xml" if isinstance(xml, str) else "application/gzip", xml
        if self.maintenance and (path in ("/fom/statements", "/press-releases") or path.startswith("/press-releases/")):
            return 200, "text/html; charset=utf-8", render_maintenance()
        if self.listing_not_found and (path == "/press-releases" or path.startswith("/press-releases/")):
            return 200, "text/html; charset=utf-8", render_not_found([e.release for e in self.listing_page(0)[:3]])
        if path == "/fom/statements":
            statements = [e for e in self.entries if e.release.section == "fom"]
            return 200, "text/html; charset=utf-8", render_listing(statements, 0, 0, self.variant, self.base_url)
        if path == "/press-releases" or path.startswith("/press-releases/"):
            query = dict(parse_qsl(parts.query.replace("&amp;", "&").replace("&amp%3B", "&")))
            try:
                page = int(query.get("page", "0"))
            except ValueError:
                page = 0
            if not 0 <= page <= self.last_page:
                return 200, "text/html", render_listing([], page, self.last_page, self.variant, self.base_url)
            if page in self.maintenance_pages:
                return 200, "text/html; charset=utf-8", render_maintenance()
            last = page if self.pager_hidden else self.last_page
            html = render_listing(self.listing_page(page), page, last, self.variant, self.base_url)
            return 200, "text/html; charset=utf-8", html
        release = self.by_path.get(path)
        if release is not None and self.script_shell:
            return 200, "text/html; charset=utf-8", render_app_shell()
        if release is not None and self.release_maintenance:
            return 200, "text/html; charset=utf-8", render_maintenance()
        if release is not None:
            if release.node_id in self.edits:
                release = self.edits[release.node_id](release)
            html = render_release(release, self.variant, self.base_url, self.related(release))
            if self.renamed_labels:
                # Words no theme is known to print for these fields: the reading cannot know them.
                html = html.replace("Place:", "Whereabouts:").replace("Source:", "Provenance:")
            return 200, "text/html; charset=utf-8", html
        return 404, "text/html", "<html><body><h1>Page not found</h1></body></html>"

    def _fault_for(self, target: str) -> str | None:
        """The fault this request meets, if any: only first attempts fail, and only ``fault_rate`` of them."""
        if not self.fault_rate or target == "/robots.txt":
            return None
        with self._lock:
            attempt = self.attempts[target] = self.attempts.get(target, 0) + 1
        if attempt > 1:
            return None
        digest = hashlib.sha256(f"{self.fault_seed}:{target}".encode()).digest()
        if digest[0] / 256 >= self.fault_rate:
            return None
        fault = FAULTS[digest[1] % len(FAULTS)]
        self.faults_served[target] = fault
        return fault

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes; with Nagle's algorithm and the client's
            # delayed ACK, the body's last segment would wait ~40 ms on a kept-alive connection.
            disable_nagle_algorithm = True

            def do_GET(self) -> None:
                with site._lock:
                    site.requests.append(self.path)
                    site.request_times.append((time.monotonic(), self.path))
                    site.user_agents.add(self.headers.get("User-Agent", ""))
                fault = site._fault_for(self.path)
                if fault == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    return
                if fault == "stall":
                    time.sleep(site.stall_seconds)
                if fault in {"500", "502", "503", "429"}:
                    body = b"<html><body>Temporarily unavailable</body></html>"
                    self.send_response(int(fault))
                    if fault in {"503", "429"}:
                        self.send_header("Retry-After", str(site.retry_after))
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                status, content_type, body = site.respond(self.path)
                headers = {"Content-Type": content_type}
                if status in (301, 302):
                    headers = {"Location": body}
                    body = ""
                data, headers = site.encode(self.path, body, headers)
                if status == 200 and site.etags and urlsplit(self.path).path.rstrip("/") in site.by_path:
                    headers["ETag"] = f'"{hashlib.sha1(data).hexdigest()[:20]}"'
                    if self.headers.get("If-None-Match") == headers["ETag"]:
                        with site._lock:
                            site.not_modified.append(self.path)
                        status, data, headers = 304, b"", {"ETag": headers["ETag"]}
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                if fault == "truncated":
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(data[: len(data) // 2])
                    self.close_connection = True
                    return
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def start(self) -> MockSite:
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> MockSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
