"""Serve the mock osce.org, alone or while a command runs against it.

    python -m tests.site --variant drupal --port 8000
    python -m tests.site --variant drupal11 --frozen-at 2024-01-01
    python -m tests.site --variant flat -- scrapy crawl press_releases -a base_url={base_url} -O out.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys

from tests.site.releases import make_releases
from tests.site.render import VARIANTS
from tests.site.server import MockSite


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date as YYYY-MM-DD, got {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.site", description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=VARIANTS, default="drupal")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--releases", type=int, default=64, help="how many releases the newsroom holds")
    parser.add_argument("--extra-paragraphs", type=int, default=0, help="lengthen every body by this many")
    parser.add_argument("--maintenance", action="store_true", help="listing pages show a maintenance page")
    parser.add_argument("--script-shell", action="store_true", help="release pages are an empty app shell")
    parser.add_argument("--frozen-at", type=_date, metavar="YYYY-MM-DD", help="list no release newer than this")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="run this with {base_url} filled in, then stop")
    args = parser.parse_args(argv)
    command = [part for part in args.command if part != "--"]
    releases = make_releases(args.releases, extra_paragraphs=args.extra_paragraphs)
    site = MockSite(args.variant, releases=releases, port=args.port, maintenance=args.maintenance,
                    script_shell=args.script_shell, frozen_at=args.frozen_at)
    with site:
        print(f"mock osce.org ({args.variant}) at {site.base_url}", file=sys.stderr, flush=True)
        if not command:
            try:
                site._thread.join()
            except KeyboardInterrupt:
                return 0
        process = subprocess.Popen([part.replace("{base_url}", site.base_url) for part in command])
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:
                # Ctrl-C reached the command too: it stops gracefully; the site serves until it has.
                continue


if __name__ == "__main__":
    raise SystemExit(main())
