"""The ``osce-scraper`` command."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from osce_scraper.extract.page import parse_release_page
from osce_scraper.extract.urls import is_web_url
from osce_scraper.items import RawRelease, schema_errors
from osce_scraper.pipelines import build_record


def parse_command(args: argparse.Namespace) -> int:
    """Print the record of one saved release page, built by the crawl's own pipelines."""
    path = Path(args.page)
    if not path.is_file():
        print(f"osce-scraper parse: no such file: {path}", file=sys.stderr)
        return 2
    if not is_web_url(args.url):
        print(f"osce-scraper parse: --url must be the page's http(s) address, got {args.url!r}", file=sys.stderr)
        return 2
    page = parse_release_page(path.read_bytes(), args.url)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    record = build_record(RawRelease(page=page, listing=None, crawled_at=now))
    print(json.dumps(record, ensure_ascii=False, indent=2 if args.pretty else None))
    errors = schema_errors(record)
    for error in errors:
        print(f"osce-scraper parse: record would be rejected: {error}", file=sys.stderr)
    return 1 if errors else 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="osce-scraper", description="osce.org's newsroom as a JSONL dataset.")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="print the record of one saved release page")
    parse.add_argument("page", help="the saved HTML page")
    parse.add_argument("--url", required=True, help="the address the page was saved from")
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    parse.set_defaults(run=parse_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
