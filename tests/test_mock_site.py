"""The mock osce.org itself: the drupal11 variant's markup, and the site's failure modes."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from parsel import Selector

from osce_scraper.extract.urls import node_id_of
from tests.site.__main__ import main
from tests.site.expected import expected_record
from tests.site.releases import make_releases
from tests.site.render import ODIHR_HOST, TEASER_SIZE, render_listing
from tests.site.server import WWW_HOST, Entry, MockSite, make_entries

REPO = Path(__file__).resolve().parents[1]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RELEASE_LINK = re.compile(r"/\d+$")


class _TagBalance(HTMLParser):
    """Every element closed in order, and no link inside a link (a parser would split the card)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and "a" in self.open:
            self.problems.append(f"a link inside a link at line {self.getpos()[0]}")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.problems.append(f"<{tag} /> is not a void element")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else 'nothing'}> at line "
                                 f"{self.getpos()[0]}")
        else:
            self.open.pop()


def markup_problems(html: str) -> list[str]:
    checker = _TagBalance()
    checker.feed(html)
    checker.close()
    return checker.problems + [f"<{tag}> never closed" for tag in checker.open]


def make_page(site: MockSite, target: str) -> Selector:
    status, _, html = site.respond(target)
    assert status == 200, target
    return Selector(text=html)


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def text_of(node: Selector) -> str:
    return " ".join(" ".join(node.css("::text").getall()).split())


@pytest.fixture(scope="module")
def site() -> Iterator[MockSite]:
    """The drupal11 newsroom, its pages read through ``respond``."""
    with MockSite("drupal11") as started:
        yield started


def test_the_markup_check_finds_what_it_looks_for():
    assert markup_problems("<div><a href='/a'><h2>Title</h2></a></div>") == []
    assert markup_problems("<a href='/a'><a href='/b'>x</a></a>") == ["a link inside a link at line 1"]
    assert markup_problems("<div><p>x</div>")
    assert markup_problems("<main>")


def test_drupal11_pages_are_well_formed(site: MockSite):
    targets = [f"/press-releases?page={n}" for n in range(site.last_page + 1)] + ["/fom/statements"]
    targets += [r.path for r in site.releases]
    problems = {t: p for t in targets if (p := markup_problems(site.respond(t)[2]))}
    assert problems == {}


def test_cards_are_links_holding_the_title_the_time_and_a_short_teaser(site: MockSite):
    for number in range(site.last_page + 1):
        page = make_page(site, f"/press-releases?page={number}")
        cards = page.css("div.view-content > div.views-row > a.teaser.teaser--two-cols")
        entries = site.listing_page(number)
        assert len(cards) == len(entries) == len(page.css("a.teaser"))
        for card, entry in zip(cards, entries, strict=True):
            release = entry.release
            assert card.css("h2.teaser__title::text").getall() == [release.title]
            assert card.xpath(".//a | .//nav") == []
            times = card.css("time")
            if release.listing_has_date:
                assert times.css("::text").getall() == [release.printed_date]
                assert times.attrib["datetime"].startswith(release.date.isoformat())
            else:
                assert times == []
            teaser = text_of(card.css(".teaser__text"))
            assert 0 < len(teaser) <= TEASER_SIZE + 2
            assert teaser.rstrip(" …") in " ".join(release.paragraphs)
            # No old-theme label lines: the card's values come from the release page.
            assert not re.search(r"Publishing date|Where we are|What we do|Content type", text_of(card))


def test_the_pager_is_query_only_and_walks_every_page(site: MockSite):
    seen, number = [], 0
    while number is not None:
        seen.append(number)
        page = make_page(site, f"/press-releases?page={number}")
        hrefs = page.css("nav.pager[role=navigation] ul.pager__items a::attr(href)").getall()
        assert hrefs and all(re.fullmatch(r"\?page=\d+", h) for h in hrefs), hrefs
        assert page.css("nav.pager h4.visually-hidden::text").get() == "Pagination"
        assert bool(page.css("a[rel=prev]")) == (number > 0)
        nxt = page.css("li.pager__item--next a[rel=next]::attr(href)").get()
        number = int(nxt.removeprefix("?page=")) if nxt else None
    assert seen == list(range(site.last_page + 1))
    assert make_page(site, "/fom/statements").css("nav.pager") == []  # one page: core prints no pager


def test_a_long_pager_shows_nine_numbers_between_ellipses():
    entries = [Entry(make_releases(1)[0], "/cio/1")]
    page = Selector(text=render_listing(entries, 1700, 3400, "drupal11", "http://127.0.0.1"))
    numbers = [text_of(li).removeprefix("Page ") for li in page.css("li.pager__item:not([class*='--'])")]
    assert numbers == [str(n) for n in range(1697, 1706)]
    assert len(page.css("li.pager__item--ellipsis")) == 2
    assert page.css("li.is-active a::attr(href)").get() == "?page=1700"
    assert page.css("li.pager__item--last a::attr(href)").get() == "?page=3400"


def test_release_pages_say_what_the_release_was_written_to_say(site: MockSite):
    for release in site.releases:
        page = make_page(site, release.path)
        article = page.css("article.node.node--type-press-release.node--view-mode-full")
        assert len(article) == 1
        assert page.css("meta[property='og:title']::attr(content)").get() == release.title
        assert page.css("link[rel=canonical]::attr(href)").get() == site.base_url + release.path
        assert text_of(page.css("h1")) == release.title and not article.css("h1")

        def values(name: str) -> list[str]:
            return [text_of(item) for item in article.css(f".field--name-{name} .field__item")]  # noqa: B023

        assert values("field-source") == list(release.sources)
        assert values("field-fields-of-work") == list(release.fields)
        assert values("field-place") == ([release.label_place] if release.label_place else [])
        assert values("field-date") == ([release.printed_date] if release.show_date_value else [])
        kind = article.css(".field--name-field-content-type")
        assert [text_of(k) for k in kind] == ([release.content_type] if release.content_type else [])
        assert kind.css(".field__label") == [] and all("field--label-hidden" in k.attrib["class"] for k in kind)
        body = article.css(".field--name-body > div.body.body-section.is-text.text--default")
        paragraphs = [text_of(p) for p in body.css("p") if not p.css("strong")]
        assert paragraphs == [" ".join(p.split()) for p in release.paragraphs]
        assert bool(body.css("figcaption")) == bool(release.caption)
        assert bool(body.css("p > strong")) == bool(release.standalone_line)
        [pdf] = article.css(".field--name-field-files a::attr(href)").getall()
        assert pdf.startswith("/sites/default/files/") and pdf.endswith(".pdf")
        related = page.css("#block-osce-related-content")
        assert text_of(related.css("h2")[0]) == "Related content"
        assert len(related.css("a.teaser")) == 2 and "Source" in related.css(".field__label::text").getall()
        assert page.css("article #block-osce-related-content, article a.teaser") == []


def test_labels_have_no_colon_and_their_display_varies_by_release(site: MockSite):
    displays: dict[str, set[str]] = {}
    for release in site.releases:
        page = make_page(site, release.path)
        labels = page.css(".field__label::text").getall()
        assert labels and not [label for label in labels if ":" in label]
        assert not re.search(r"\b(Date|Place|Source|Fields of work):", text_of(page.css("body")))
        for field in page.css("article .field"):
            name = re.search(r"field--name-([\w-]+)", field.attrib["class"])[1]
            display = re.search(r"field--label-(\w+)", field.attrib["class"])[1]
            displays.setdefault(name, set()).add(display)
            assert bool(field.css(".field__label")) == (display != "hidden")
    for name in ("field-date", "field-place", "field-source", "field-fields-of-work"):
        assert displays[name] == {"inline", "above"}, name
    assert displays["field-content-type"] == displays["body"] == {"hidden"}


def test_odihr_cards_link_to_odihr_osce_org_and_the_mirror_serves_the_same_paths(site: MockSite):
    cards = [(card.attrib["href"], e.release) for n in range(site.last_page + 1)
             for card, e in zip(make_page(site, f"/press-releases?page={n}").css("a.teaser"), site.listing_page(n),
                                strict=True)]
    odihr = [(href, r) for href, r in cards if href.startswith(ODIHR_HOST)]
    assert odihr and all(r.path.startswith("/odihr/") for _, r in odihr)
    assert {r.node_id for r in site.releases if r.path.startswith("/odihr/")} == {r.node_id for _, r in odihr}
    for href, release in odihr:
        assert href == f"{ODIHR_HOST}/odihr/{release.node_id}"
        page = make_page(site, href.removeprefix(ODIHR_HOST))
        assert page.css("meta[property='og:title']::attr(content)").get() == release.title
        assert expected_record(release, site.base_url, "drupal11")["url"] == site.base_url + release.path
    # One ODIHR release is listed again at its old www address: two hosts, one node, one record.
    [(href, moved)] = [(href, r) for href, r in cards if href.startswith(WWW_HOST)]
    assert href == WWW_HOST + moved.path and moved.node_id in {r.node_id for _, r in odihr}
    assert [e for e in make_entries(make_releases()) if "://" in e.path] == []  # the other variants: unchanged


def test_expected_date_raw_is_printed_where_a_reader_finds_it(site: MockSite):
    cards = {e.release.node_id: card for n in range(site.last_page + 1)
             for card, e in zip(make_page(site, f"/press-releases?page={n}").css("a.teaser"), site.listing_page(n),
                                strict=True)}
    kinds = set()
    for release in site.releases:
        date_raw = expected_record(release, site.base_url, "drupal11")["date_raw"]
        page = make_page(site, release.path)
        if release.show_date_value:
            kinds.add("page")
            assert page.css("article .field--name-field-date time::text").get() == date_raw
        elif release.listing_has_date:
            kinds.add("card")
            assert cards[release.node_id].css("time::text").get() == date_raw
        elif release.meta_date_only:
            kinds.add("meta")
            assert page.css("meta[property='article:published_time']::attr(content)").get() == date_raw
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT10:00:00\+0[12]00", date_raw)
        else:
            kinds.add("dateline")
            assert date_raw and date_raw in release.paragraphs[0]
    assert kinds == {"page", "card", "meta", "dateline"}


@pytest.fixture
def served() -> Iterator[list[MockSite]]:
    """Sites started by a test, stopped after it."""
    sites: list[MockSite] = []
    yield sites
    for started in sites:
        started.stop()


def make_served(served: list[MockSite], variant: str, **options: object) -> MockSite:
    started = MockSite(variant, **options).start()
    served.append(started)
    return started


@pytest.mark.parametrize("variant", ["drupal", "drupal11"])
def test_maintenance_pages_answer_200_and_list_nothing(served: list[MockSite], variant: str):
    site = make_served(served, variant, maintenance=True)
    for target in ["/press-releases", "/press-releases?page=2", "/fom/statements"]:
        status, html = fetch(site.base_url + target)
        page = Selector(text=html)
        assert status == 200
        assert "Our newsroom is being updated. Please come back later." in text_of(page)
        assert [h for h in page.css("a::attr(href)").getall() if RELEASE_LINK.search(h)] == []
    release = site.releases[0]
    status, html = fetch(site.base_url + release.path)
    assert status == 200 and release.title in html


@pytest.mark.parametrize("variant", ["drupal", "drupal11"])
def test_script_shell_release_pages_have_no_text(served: list[MockSite], variant: str):
    site = make_served(served, variant, script_shell=True)
    status, html = fetch(site.base_url + site.releases[3].path)
    page = Selector(text=html)
    assert status == 200
    assert page.css("body div#app") and page.css("div#app *") == []
    assert page.css("script::attr(src)").get()
    assert "".join(page.css("body ::text").getall()).strip() == ""
    status, listing = fetch(site.base_url + "/press-releases")
    assert status == 200 and site.releases[0].title in listing


def test_a_frozen_listing_lists_nothing_newer_but_serves_every_page(served: list[MockSite]):
    newest = make_releases()
    frozen_at = newest[10].date
    site = make_served(served, "drupal11", frozen_at=frozen_at)
    listed = {e.release.node_id for e in site.entries}
    assert listed == {r.node_id for r in site.releases if r.date <= frozen_at}
    status, html = fetch(site.base_url + "/press-releases")
    first = Selector(text=html).css("a.teaser")[0]
    assert status == 200 and first.css("h2::text").get() == newest[10].title
    assert first.css("time::attr(datetime)").get().startswith(frozen_at.isoformat())
    status, html = fetch(site.base_url + newest[0].path)  # released after the freeze: not listed, still there
    assert status == 200 and newest[0].title in html


def test_edited_releases_are_served_edited(served: list[MockSite]):
    plain = make_releases()
    target = plain[4]
    site = make_served(served, "drupal11", edits={target.node_id: lambda r: replace(r, title=r.title + " (updated)")})
    _, html = fetch(site.base_url + target.path)
    assert Selector(text=html).css("h1 span::text").get() == target.title + " (updated)"
    _, other = fetch(site.base_url + plain[5].path)
    assert Selector(text=other).css("h1 span::text").get() == plain[5].title
    assert site.releases[4].title == target.title  # the newsroom's own record of it is untouched


def test_failure_modes_are_off_by_default(served: list[MockSite]):
    site = make_served(served, "drupal")
    assert not (site.maintenance or site.script_shell or site.frozen_at or site.edits)
    assert fetch(site.base_url + "/press-releases")[1].count("class='views-row'") == 10


def test_a_bad_frozen_at_is_named_in_one_line(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as stop:
        main(["--frozen-at", "last week"])
    assert stop.value.code == 2
    assert "argument --frozen-at: must be a date as YYYY-MM-DD, got 'last week'" in capsys.readouterr().err


@pytest.mark.slow
def test_python_m_tests_site_serves_drupal11():
    fetcher = ("import sys, urllib.request; "
               "print(urllib.request.urlopen(sys.argv[1] + '/press-releases').read().decode())")
    process = subprocess.run(
        [sys.executable, "-m", "tests.site", "--variant", "drupal11", "--releases", "12", "--",
         sys.executable, "-c", fetcher, "{base_url}"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert process.returncode == 0, process.stderr
    assert "mock osce.org (drupal11)" in process.stderr
    assert Selector(text=process.stdout).css("a.teaser h2.teaser__title")


def test_a_newsroom_of_any_size_gives_every_release_a_node_id_of_its_own():
    for count in (64, 20_000):
        releases = make_releases(count)
        ids = [node_id_of(f"https://www.osce.org{release.path}") for release in releases]
        assert None not in ids and len(set(ids)) == count
