import pytest

from osce_scraper.pages.html import page_selector, visible_lines
from osce_scraper.pages.labels import LISTING_LABELS, PAGE_LABELS, find_labels, split_values


def labels_of(html: str, labels=PAGE_LABELS) -> dict[str, list[str]]:
    lines = visible_lines(page_selector(html), "https://www.osce.org/")
    return {name: split_values(found.values) for name, found in find_labels(lines, labels).items()}


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>Source:</li><li>OSCE Secretariat</li><li>OSCE Mission to Skopje</li><li>Fields of work:</li>"
        "<li>Policing</li></ul><p>SKOPJE, 3 May 2019 – The Mission today ...</p>",
        "<dl><dt>Source:</dt><dd><a href='/a'>OSCE Secretariat</a></dd><dd><a href='/b'>OSCE Mission to Skopje</a>"
        "</dd><dt>Fields of work:</dt><dd>Policing</dd></dl><p>The Mission today opened ...</p>",
        "<table><tr><th>Source:</th><td>OSCE Secretariat<br>OSCE Mission to Skopje</td></tr>"
        "<tr><th>Fields of work:</th><td>Policing</td></tr></table>",
        "<p><strong>Source:</strong> OSCE Secretariat, OSCE Mission to Skopje</p>"
        "<p><b>Fields of work:</b> Policing,</p>",
        "<div><span>Source:</span><div><div>OSCE Secretariat</div><div>OSCE Mission to Skopje</div></div></div>"
        "<div>Fields of work: Policing</div>",
    ],
    ids=["list-items", "definition-list", "table", "inline-bold", "nested-divs"],
)
def test_labels_are_read_whatever_holds_them(html):
    found = labels_of(html)
    assert found["source"] == ["OSCE Secretariat", "OSCE Mission to Skopje"]
    assert found["fields_of_work"] == ["Policing"]


def test_a_label_with_no_value_stays_empty():
    found = labels_of("<ul><li>Date:</li><li>Place:</li><li>TASHKENT</li></ul>")
    assert found["date"] == []
    assert found["place"] == ["TASHKENT"]


def test_the_body_after_the_last_label_is_not_a_value():
    html = (
        "<div><p>Fields of work:</p><p>Border management</p><p>DUSHANBE, 2 June 2016 – A five-day course for "
        "border officers from the region ended today.</p></div>"
    )
    assert labels_of(html)["fields_of_work"] == ["Border management"]


def test_menu_headings_without_colon_are_not_labels():
    html = "<ul><li>Fields of work</li><li>Arms control</li></ul><p>Fields of work: Elections</p>"
    assert labels_of(html)["fields_of_work"] == ["Elections"]


def test_listing_labels_do_not_take_page_labels():
    found = labels_of("<p>Publishing date: 25 April 2015</p><p>Content type: News</p>", LISTING_LABELS)
    assert found == {"publishing_date": ["25 April 2015"], "content_type": ["News"]}


def test_split_values_keeps_parentheses_and_drops_dangling_commas():
    assert split_values(["OSCE Mission to Croatia (closed), Policing,"]) == [
        "OSCE Mission to Croatia (closed)",
        "Policing",
    ]


def test_values_given_as_links_side_by_side_are_separate_values():
    html = ("<dl><dt>Source:</dt><dd><a href='/a'>OSCE Secretariat</a> <a href='/b'>OSCE Mission to Skopje</a></dd>"
            "</dl><p>Fields of work: <a href='/c'>Policing</a> <a href='/d'>Human rights</a></p>")
    found = labels_of(html)
    assert found["source"] == ["OSCE Secretariat", "OSCE Mission to Skopje"]
    assert found["fields_of_work"] == ["Policing", "Human rights"]


def test_values_separated_by_bars_or_bullets_are_separate():
    assert split_values(["OSCE Secretariat | OSCE Mission to Skopje", "Policing • Youth"]) == [
        "OSCE Secretariat", "OSCE Mission to Skopje", "Policing", "Youth"]


@pytest.mark.parametrize("labels", [PAGE_LABELS, LISTING_LABELS], ids=["page", "listing"])
@pytest.mark.parametrize("spelling", [str, str.upper, str.lower, lambda text: "• " + text, lambda text: "- " + text])
def test_every_label_is_read_however_it_opens(labels, spelling):
    # Lines are matched against the labels only when they open as a label can: none may be passed over.
    for name, texts in labels.items():
        for text in texts:  # a label the table writes with its colon is read only with it
            found = labels_of(f"<p>{spelling(text.rstrip(':'))}: Vienna</p>", labels)
            assert found.get(name) == ["Vienna"], (name, spelling(text))


# Under re.IGNORECASE the long s, the dotless i and the dotted capital I stand for s and i: a label spelled with them
# is read as the label they fold to, never an error (a date's label, bare, labels a date alone).
@pytest.mark.parametrize(("label", "labels", "name", "value"), [
    ("ſource", PAGE_LABELS, "source", "OSCE"),
    ("Fıelds of work", PAGE_LABELS, "fields_of_work", "OSCE"),
    ("PUBLİSHED", LISTING_LABELS, "publishing_date", "3 May 2021"),
])
def test_a_label_spelled_with_letters_that_fold_to_ascii_is_read_never_an_error(label, labels, name, value):
    for html in (f"<p>{label}: {value}</p>", f"<ul><li>{label}:</li><li>{value}</li></ul>",
                 f"<div><div>{label}</div><div>{value}</div></div>"):
        assert labels_of(html, labels)[name] == [value], html


def test_a_label_the_table_writes_with_its_colon_is_read_only_with_it():
    assert labels_of("<p>Fields of work: Policing</p>", LISTING_LABELS) == {"what_we_do": ["Policing"]}
    # A menu's column heading, bare in an element of its own over its links, labels nothing of an item.
    assert labels_of("<div>Fields of work</div><div>Policing</div>", LISTING_LABELS) == {}


@pytest.mark.parametrize("separator", [" | ", " · ", "&nbsp;•&nbsp;"])
def test_facts_printed_on_one_line_between_separators_are_each_their_labels(separator):
    sources = "<a href='/a'>OSCE Secretariat</a> | <a href='/b'>OSCE Mission to Skopje</a>"
    page = separator.join(["<b>Content type:</b> News", "<b>Date:</b> 3 June 2019", f"<b>Source:</b> {sources}"])
    assert labels_of(f"<p>{page}</p>") == {"content_type": ["News"], "date": ["3 June 2019"],
                                            "source": ["OSCE Secretariat", "OSCE Mission to Skopje"]}
    item = separator.join(["Publishing date: 3 June 2019", "Content type: News", f"Where we are: {sources}"])
    assert labels_of(f"<p>{item}</p>", LISTING_LABELS) == {
        "publishing_date": ["3 June 2019"], "content_type": ["News"],
        "where_we_are": ["OSCE Secretariat", "OSCE Mission to Skopje"]}
