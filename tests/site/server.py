"""The mock osce.org: a threaded HTTP server on 127.0.0.1 serving one markup variant."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from tests.site.releases import MockRelease, make_releases
from tests.site.render import VARIANTS, render_listing, render_release

PER_PAGE = 10
ROBOTS_TXT = "User-agent: *\nDisallow: /search\nDisallow: /admin/\n"


@dataclass(frozen=True)
class Entry:
    """One item of a listing page: a release under one of its paths."""

    release: MockRelease
    path: str


def make_entries(releases: list[MockRelease]) -> list[Entry]:
    """The listing's items, newest first, with the real site's repeats.

    A release listed twice on one page, one listed on two pages, and one listed
    a second time under its ``/node/`` alias.
    """
    entries = [Entry(r, r.path) for r in releases]
    entries.insert(2, Entry(releases[1], releases[1].path))
    entries.insert(21, Entry(releases[9], f"/node/{releases[9].node_id}"))
    entries.insert(36, Entry(releases[31], releases[31].path))
    return entries


class MockSite:
    """Serves the mock newsroom; ``with MockSite("drupal") as site: site.base_url``."""

    def __init__(
        self,
        variant: str = "drupal",
        releases: list[MockRelease] | None = None,
        port: int = 0,
        *,
        renamed_labels: bool = False,
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r}; choose one of {', '.join(VARIANTS)}")
        self.variant = variant
        # The site "changes": release pages print Place: and Source: under other names.
        self.renamed_labels = renamed_labels
        #: Paths answered with 503 on every attempt (pages that fail for good).
        self.failing_paths: set[str] = set()
        self.releases: list[MockRelease] = []
        self.publish(releases if releases is not None else make_releases())
        self.requests: list[str] = []
        self.user_agents: set[str] = set()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    def publish(self, releases: list[MockRelease]) -> None:
        """Put ``releases`` at the top of the newsroom (newest first)."""
        self.releases = list(releases) + self.releases
        self.entries = make_entries(self.releases)
        self.last_page = (len(self.entries) - 1) // PER_PAGE
        self.by_path = {path: r for r in self.releases for path in [r.path, *r.aliases, f"/node/{r.node_id}"]}

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def listing_page(self, page: int) -> list[Entry]:
        return self.entries[page * PER_PAGE : (page + 1) * PER_PAGE]

    def respond(self, target: str) -> tuple[int, str, str]:
        """(status, content type, body) for a request target such as ``/press-releases?page=2``."""
        parts = urlsplit(target)
        path = parts.path.rstrip("/") or "/"
        if path in self.failing_paths:
            return 503, "text/html", "<html><body>Service unavailable</body></html>"
        if path == "/robots.txt":
            return 200, "text/plain", ROBOTS_TXT
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
            html = render_listing(self.listing_page(page), page, self.last_page, self.variant, self.base_url)
            return 200, "text/html; charset=utf-8", html
        release = self.by_path.get(path)
        if release is not None:
            html = render_release(release, self.variant, self.base_url)
            if self.renamed_labels:
                html = html.replace("Place:", "Venue:").replace("Source:", "Issued by:")
            return 200, "text/html; charset=utf-8", html
        return 404, "text/html", "<html><body><h1>Page not found</h1></body></html>"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with site._lock:
                    site.requests.append(self.path)
                    site.user_agents.add(self.headers.get("User-Agent", ""))
                status, content_type, body = site.respond(self.path)
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
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
