"""Officials in sentences written for these tests, one shape or trap each."""

import re
from collections.abc import Callable

import pytest

from osce_scraper.extract import officials as officials_module
from osce_scraper.extract import vocabulary
from osce_scraper.extract.officials import _HEAD_RE, SHAPES, _lower_roles, _plural_heads, _title_heads, find_officials


def officials(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The OSCE Secretary General, Lamberto Zannier, opened the conference.", "Lamberto Zannier",
         "OSCE Secretary General"),
        ("“We need dialogue,” said Valiant Richey, OSCE Special Representative for Combating Trafficking in Human "
         "Beings.", "Valiant Richey", "OSCE Special Representative for Combating Trafficking in Human Beings"),
        ("OSCE Media Freedom Representative Teresa Ribeiro published a report.", "Teresa Ribeiro",
         "OSCE Media Freedom Representative"),
        ("The talks were opened by ODIHR Director Link in Warsaw.", "Link", "ODIHR Director"),
        ("The Head of the OSCE Mission to Skopje, Ambassador Clemens Koja, visited Tetovo.", "Clemens Koja",
         "Head of the OSCE Mission to Skopje"),
        ("Max van der Stoel, the OSCE High Commissioner on National Minorities, arrived in Riga.", "Max van der Stoel",
         "OSCE High Commissioner on National Minorities"),
        # Long titles run together with the name, lower-case roles, "of Country", regions.
        ("ODIHR Senior Adviser on Roma and Sinti issues Andrzej Mirga visited the settlement.", "Andrzej Mirga",
         "ODIHR Senior Adviser on Roma and Sinti issues"),
        ("Closing his visit as the OSCE PA’s Special Representative on Eastern Europe today, Kent Härstedt (Sweden) "
         "met civil society.", "Kent Härstedt", "OSCE PA’s Special Representative on Eastern Europe"),
        ("VIENNA, 2 May 2016 – OSCE Representative on Freedom of the Media Dunja Mijatović today welcomed the law.",
         "Dunja Mijatović", "OSCE Representative on Freedom of the Media"),
        ("The Special Representative of the OSCE Chairperson-in-Office on Gender Issues Melanne Verveer visited Baku.",
         "Melanne Verveer", "Special Representative of the OSCE Chairperson-in-Office on Gender Issues"),
        ("Acting Head of the OSCE Mission in Kosovo Peter J. Morris issued a statement.", "Peter J. Morris",
         "Acting Head of the OSCE Mission in Kosovo"),
        ("The Minister for Foreign Affairs and Trade Simon Coveney chaired the meeting.", "Simon Coveney",
         "Minister for Foreign Affairs and Trade"),
        ("Dominique Waag, Head of the OSCE Mission to Montenegro, and Ivana Novak, Acting Supreme State Prosecutor, "
         "signed the memorandum.", "Ivana Novak", "Acting Supreme State Prosecutor"),
        ("“Ammunition must be destroyed,” said Ambassador Anna Kristín Jónsdóttir of Iceland.",
         "Anna Kristín Jónsdóttir", "Ambassador of Iceland"),
        ("The Head of the OSCE Mission there, Robert Smith, welcomed the progress.", "Robert Smith",
         "Head of the OSCE Mission there"),
        ("He regretted that the former Serbian leader, Slobodan Milosevic, had died.", "Slobodan Milosevic",
         "former Serbian leader"),
        ("The event was opened by Human Rights Defender Anahit Manasyan in Yerevan.", "Anahit Manasyan",
         "Human Rights Defender"),
        ("The Akim of Almaty region, Amandyk Batalov, welcomed the participants.", "Amandyk Batalov",
         "Akim of Almaty region"),
    ],
)
def test_shapes(text, name, title):
    found = officials(text)
    assert name in found, found
    assert title in found[name]


def test_chained_titles_count_separately():
    found = officials("The OSCE Chairperson-in-Office, Serbia's Foreign Minister Ivica Dačić, met the Mission.")
    assert found == {"Ivica Dačić": ["OSCE Chairperson-in-Office", "Serbia's Foreign Minister"]}


def test_ranks_are_titles_not_part_of_the_name():
    found = officials("Ambassador Radojko Bogojević said the talks would resume.")
    assert found == {"Radojko Bogojević": ["Ambassador"]}


def test_surname_mentions_are_counted_and_merged():
    text = ("OSCE Secretary General Thomas Greminger visited Bishkek. Greminger met students. "
            "“Youth matter,” said Greminger.")
    [official] = find_officials(text)
    assert (official.name, official.mentions) == ("Thomas Greminger", 3)


@pytest.mark.parametrize(
    "text",
    [
        "The OSCE Mission to Skopje organized a training course for judges.",
        "The Chairperson-in-Office called on all sides to show restraint.",
        "The Permanent Council adopted the decision on Thursday.",
        "Human Rights Watch published its annual report in January.",
        "The Minister of Interior opened the new police station.",
        "The Law on Free Access to Information was discussed at the Conference on Media Freedom.",
        "Participants came from Vienna, Warsaw and Skopje.",
    ],
)
def test_traps_give_no_official(text):
    assert officials(text) == {}


def test_people_without_a_position_are_not_officials():
    text = "The journalist Anna Petrova was detained. Her colleague Ivan Ivanov described the arrest."
    assert officials(text) == {}


def test_two_officials_joined_by_and_are_two_people():
    found = officials("OSCE Secretary General Lamberto Zannier and EU Commissioner for Enlargement Negotiations "
                      "Johannes Hahn met in Vienna.")
    assert found == {"Lamberto Zannier": ["OSCE Secretary General"],
                     "Johannes Hahn": ["EU Commissioner for Enlargement Negotiations"]}


def test_a_list_after_a_plural_title():
    found = officials("The delegation included Senators Jeanne Shaheen, Roger Wicker, and Ben Cardin.")
    assert found == {"Jeanne Shaheen": ["Senators"], "Roger Wicker": ["Senators"], "Ben Cardin": ["Senators"]}


@pytest.mark.parametrize(
    "text",
    [
        "The event marked Nelson Mandela International Day in Tashkent.",
        "The conference was organized with the Commissioner for Human Rights of the Oliy Majlis.",
        "The OSCE Deputy Co-ordinator of the Office of the Special Representative attended.",
        "Head of Mission Offices in Osh and Bishkek were renovated.",
    ],
)
def test_more_traps_give_no_official(text):
    assert officials(text) == {}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("CHISINAU, 3 May 2021 – The Head of the OSCE Mission to Moldova (the Mission), Anders Lindqvist, opened "
         "the seminar.", "Anders Lindqvist", "Head of the OSCE Mission to Moldova"),
        ("OSCE media freedom representative Teresa Vasquez repeated her call.", "Teresa Vasquez",
         "OSCE media freedom representative"),
        ("Pia Halonen (MP, Finland), Chairperson of the OSCE PA's Committee on Democracy, said the vote was free.",
         "Pia Halonen", "Chairperson of the OSCE PA's Committee on Democracy"),
        ("Roberto Sanvitale of Italy has begun service as Secretary General of the OSCE PA.", "Roberto Sanvitale",
         "Secretary General of the OSCE PA"),
        ("Acting Head of OSCE Mission in Skopje, Jeffrey P. Hollander condemned the attack.", "Jeffrey P. Hollander",
         "Acting Head of OSCE Mission in Skopje"),
        ("The OSCE Presence repeats Ambassador Vincent Delorme's statement of last week.", "Vincent Delorme",
         "Ambassador"),
        ("US envoy Daniel Barstow welcomed the talks.", "Daniel Barstow", "US envoy"),
        ("Swiss diplomat Thomas Gremmel attended the meeting.", "Thomas Gremmel", "Swiss diplomat"),
        ("OSCE official Jana Novakova briefed the press.", "Jana Novakova", "OSCE official"),
        ("With the arrival of the Head of Mission, Amb. Henrik J.A.M. Vollmer of Denmark, the Mission began its "
         "work.", "Henrik J.A.M. Vollmer", "Head of Mission"),
        ("Marta Ilves, a career diplomat from Estonia, took up her duties as Head of the OSCE Office in Yerevan.",
         "Marta Ilves", "Head of the OSCE Office in Yerevan"),
    ],
)
def test_more_shapes(text, name, title):
    [official] = [o for o in find_officials(text) if o.name == name]
    assert official.title == title, official


def test_a_title_held_in_ones_capacity_is_a_title():
    found = officials("Juraj Novak, in his capacity as OSCE Chairperson-in-Office, opened the Council. "
                      "He spoke in his capacity as a private citizen.")
    assert found == {"Juraj Novak": ["OSCE Chairperson-in-Office"]}


def test_a_long_title_in_title_case_keeps_its_small_words():
    found = officials("The Personal Representative of the OSCE Chairperson-in-Office on the Conflict Dealt with by the "
                      "OSCE Minsk Conference, Ambassador Piotr Nowicki, visited the region.")
    assert found == {"Piotr Nowicki": ["Personal Representative of the OSCE Chairperson-in-Office on the Conflict "
                                       "Dealt with by the OSCE Minsk Conference", "Ambassador"]}


def test_countries_in_brackets_after_the_names_of_a_list_keep_every_person():
    found = officials("Ambassadors Marek Zielinski (Poland), Tomas Hruby (Czechia) and Lea Moreau (France) met the "
                      "Director of ODIHR (Warsaw office) today.")
    assert found == {"Marek Zielinski": ["Ambassadors"], "Tomas Hruby": ["Ambassadors"],
                     "Lea Moreau": ["Ambassadors"]}


def test_a_list_gives_each_person_the_plural_title_or_their_own_rank():
    found = officials("The OSCE Ministerial Troika, Foreign Ministers Anna Lindgren of Sweden, Bruno Kessel of Austria "
                      "and Ambassador Erik Dahlberg of Norway, met in Vienna.")
    assert found["Anna Lindgren"] == ["Foreign Ministers"] and found["Bruno Kessel"] == ["Foreign Ministers"]
    assert "Ambassador of Norway" in found["Erik Dahlberg"]
    assert not any("Kessel" in title for title in found["Erik Dahlberg"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Under the leadership of President Nursan Abenov, the reforms continued.", {"Nursan Abenov": ["President"]}),
        ("The meeting in Tashkent of Uzbek President Shavkat Karimbekov with the delegation was cordial.",
         {"Shavkat Karimbekov": ["Uzbek President"]}),
        ("He handed a letter to the OSCE Chairman-in-Office, Foreign Minister Ivan Petrovski of Bulgaria.",
         {"Ivan Petrovski": ["OSCE Chairman-in-Office", "Foreign Minister", "Foreign Minister of Bulgaria"]}),
        ("President Ana Lopes received Minister of Foreign Affairs Jonas Bergstrom.",
         {"Ana Lopes": ["President"], "Jonas Bergstrom": ["Minister of Foreign Affairs"]}),
        # A day is no part of a title.
        ("On Thursday Ambassador Lena Vasko opened the course.", {"Lena Vasko": ["Ambassador"]}),
        ("Today Secretary General Omar Haddad met the ministers.", {"Omar Haddad": ["Secretary General"]}),
        ("Later Ambassador Nina Holm spoke.", {"Nina Holm": ["Ambassador"]}),
    ],
)
def test_no_fragment_of_a_sentence_and_no_title_glued_to_a_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Deputy Prime Minister and Chairperson of the State Committee on Refugees, Mirela Kostova, and the "
         "Deputy Minister of Interior and Chair of the Migration Commission, Arben Dervishi, today signed the plan.",
         {"Mirela Kostova": ["Deputy Prime Minister and Chairperson of the State Committee on Refugees"],
          "Arben Dervishi": ["Deputy Minister of Interior and Chair of the Migration Commission"]}),
        ("A joint letter by Irena Dobos, United Nations Resident Coordinator in Albania, Ambassador Carlo Ferri, Head "
         "of the EU Delegation, and Ambassador Paul Nyberg, Head of the OSCE Presence in Albania, was published.",
         {"Irena Dobos": ["United Nations Resident Coordinator in Albania"],
          "Carlo Ferri": ["Ambassador", "Head of the EU Delegation"],
          "Paul Nyberg": ["Ambassador", "Head of the OSCE Presence in Albania"]}),
        ("The statement was signed by the US Ambassador Karl Weston, the Head of the OSCE Mission to Skopje, "
         "Oliver Grant, and others.",
         {"Karl Weston": ["US Ambassador"], "Oliver Grant": ["Head of the OSCE Mission to Skopje"]}),
        ("Aida Kovac, Head of the OSCE Mission to Montenegro and Maja Radulovic, Acting Supreme State Prosecutor, "
         "signed a memorandum.",
         {"Aida Kovac": ["Head of the OSCE Mission to Montenegro"],
          "Maja Radulovic": ["Acting Supreme State Prosecutor"]}),
    ],
)
def test_in_a_chain_of_people_each_title_goes_to_its_own_person(text, expected):
    found = officials(text)
    assert {name: sorted(titles) for name, titles in found.items()} == {
        name: sorted(titles) for name, titles in expected.items()}


@pytest.mark.parametrize(
    ("shape", "text", "expected"),
    [pytest.param(shape, text, expected, id=f"{shape.find.__name__}-{number}")
     for shape in SHAPES for number, (text, expected) in enumerate(shape.examples)],
)
def test_each_shape_alone_finds_its_examples(shape, text, expected):
    found = {o.name: o.titles for o in find_officials(text, shapes=(shape,))}
    assert found == expected


def test_two_people_who_share_a_surname_stay_two():
    found = find_officials("The Interior Minister of Ruritania, Piotr Kallas, received Ambassador Maria Kallas in "
                           "Vinstad. Kallas thanked the Mission.")
    assert {o.name: o.titles for o in found} == {"Piotr Kallas": ["Interior Minister of Ruritania"],
                                                 "Maria Kallas": ["Ambassador"]}
    # "Kallas" alone could be either of them: it is counted for neither.
    assert [o.mentions for o in found] == [1, 1]


def test_a_surname_alone_joins_the_one_person_of_that_surname():
    found = find_officials("The Interior Minister of Ruritania, Piotr Kallas, opened the school. Later, Minister "
                           "Kallas met parents, and Kallas said the school would stay open.")
    assert [(o.name, o.titles, o.mentions) for o in found] == [
        ("Piotr Kallas", ["Interior Minister of Ruritania", "Minister"], 3)]


def test_a_surname_alone_that_two_people_share_gives_its_title_to_neither():
    found = find_officials("Governor Ilse Marek and Ambassador Tomas Marek visited the camp. Mayor Marek was absent.")
    assert {o.name: o.titles for o in found} == {"Ilse Marek": ["Governor"], "Tomas Marek": ["Ambassador"]}


def test_in_a_chain_each_person_keeps_their_own_title_whatever_the_commas():
    # "Title, Name, Title , Name": the space before the second comma once gave the first person the second title.
    found = officials("The First Deputy Prime Minister and Chair of the National Council of Women, Dilnoza Rakhimova, "
                      "the Deputy Minister of Justice and Head of the Interagency Migration Commission , Bakhtiyor "
                      "Yusupov, opened the forum.")
    assert found == {
        "Dilnoza Rakhimova": ["First Deputy Prime Minister and Chair of the National Council of Women"],
        "Bakhtiyor Yusupov": ["Deputy Minister of Justice and Head of the Interagency Migration Commission"]}
    [first, _] = find_officials("The Deputy Prime Minister and Chair of the Council of Women, Dilnoza Rakhimova, the "
                                "Deputy Minister of Justice and Head of the Interagency Migration Commission , "
                                "Bakhtiyor Yusupov, opened the forum.")
    assert first.title == "Deputy Prime Minister and Chair of the Council of Women"


def test_in_a_chain_each_person_keeps_their_own_title_whatever_their_given_names():
    # The second person's given name is one the lexicon lacks: the title between the two names is still theirs.
    found = officials("The speakers were the Ombudsperson of Ruritania, Tolkunbek Asanov, the Deputy Minister of "
                      "Justice, Vardges Avetyan, and a lawyer.")
    assert found == {"Tolkunbek Asanov": ["Ombudsperson of Ruritania"],
                     "Vardges Avetyan": ["Deputy Minister of Justice"]}


def test_an_office_before_a_rank_and_a_clause_before_a_title_stay_out_of_the_next_persons_title():
    # "Title, Rank A, Title, B,": the second title is B's, A having the office before the rank.
    found = officials("The Head of the Vinstad Office, Ambassador Ana Kos, the Deputy Prime Minister for "
                      "Reintegration, Ivo Danek, and the mayor met.")
    assert found == {"Ana Kos": ["Head of the Vinstad Office", "Ambassador"],
                     "Ivo Danek": ["Deputy Prime Minister for Reintegration"]}
    # "Together with the Head of X, Name, the team met": the clause's words are no part of the title.
    found = officials("Together with the Head of the Vinstad Office, Ana Kos, the team met the judges.")
    assert found == {"Ana Kos": ["Head of the Vinstad Office"]}


def test_words_that_are_no_name_come_from_one_vocabulary_each():
    # Title words and ranks are the title vocabularies' own; the list of other non-name words repeats none.
    assert not vocabulary.NON_NAME_WORDS & vocabulary.TITLE_WORDS
    assert {"Ambassador", "Deputy", "Senators", "Prime", "Madam"} <= vocabulary.TITLE_WORDS



def make_head_texts(heads: tuple[str, ...]) -> list[str]:
    """Each head where a scan could miss it: first in the text, after a hyphen or a bracket, inside a word, before a
    capital that is not ASCII, a no-break space, a line's end, a plural ending or a word in lower case; alone and
    five to a text."""
    texts = []
    for head in heads:
        for before, after in [("", " Anna Berg met."), ("The vice-", " Čech met."), ("(", "\u00a0Ørn Lie)"),
                              ("x", " Dan Ross"), ("OSCE ", "s Ivo Danek and Bo Wu"), ("“", "\nÉmile Zola"),
                              ("met the ", " Anna Berg, Ivo Danek and Bo Wu."), ("The ", " of the region")]:
            texts.append(before + head + after)
    return texts + ["  ".join(texts[i : i + 5]) for i in range(0, len(texts), 5)]


def find_each(text: str, heads: tuple[str, ...], follows: Callable[[str, int], bool],
              joining: str = "_") -> list[tuple[int, int]]:
    """(start, end) of each head that starts a word (no letter, digit or ``joining`` character before it) and that
    ``follows(text, end)`` accepts: ``str.find`` a head."""
    found = []
    for head in heads:
        start = text.find(head)
        while start >= 0:
            end = start + len(head)
            if not (start and (text[start - 1].isalnum() or text[start - 1] in joining)) and follows(text, end):
                found.append((start, end))
            start = text.find(head, start + 1)
    return sorted(found)


def test_the_head_scans_find_what_a_search_for_each_head_finds():
    # The scans of the capital-marked text only narrow the search: they must lose no head of any vocabulary.
    texts = make_head_texts(vocabulary.LOWER_ROLE_HEADS + vocabulary.PLURAL_TITLE_HEADS + vocabulary.TITLE_HEADS)
    for text in texts:
        lower = find_each(text, vocabulary.LOWER_ROLE_HEADS,
                          lambda t, end: t[end : end + 1] == " " and t[end + 1 : end + 2].isupper())
        assert list(_lower_roles(text)) == lower, text
        # A plural joined to a word before it by a hyphen is that word's ("Vice-Presidents"), no head of its own.
        plural = find_each(text, vocabulary.PLURAL_TITLE_HEADS,
                           lambda t, end: t[end : end + 1].isspace() and t[end:].lstrip()[:1].isupper(), joining="_-")
        assert [(min(starts), end) for end, starts in _plural_heads(text)] == [
            (min(start for start, e in plural if e == end), end) for end in sorted({e for _, e in plural})], text
        assert [m.span() for m in _title_heads(text)] == [m.span() for m in _HEAD_RE.finditer(text)], text


def make_comma_texts() -> list[str]:
    """A comma, then white space of every kind (none, ASCII, no-break, thin, a line's end) before a name, an article
    and a title, a lower-case word, a lower-case office and a capital that is not ASCII; the same for " as "."""
    texts = []
    for space in ["", " ", "  ", "\u00a0", "\u2009", "\n", "\x1c", " \u00a0"]:
        for after in ["Ambassador Anna Berg, met", "the Head of the Office, said", "a Senior Adviser, said",
                      "Čestmír Novák, said", "which Anna Berg said", "head of the Office, said",
                      f"a senior adviser at{space}the Office, said", f"the deputy{space}head{space}of it, said",
                      f"former{space}Deputy Head, said", "who heads the Office, said",
                      f"both{space}members{space}of the Senate, said", f"all Heads{space}of Mission, said"]:
            texts.append(f"The Head of the OSCE Office,{space}{after}. He served as{space}{after}.")
    return texts


# The scans of the marked text each shape had of its own before the shapes shared them: the references the shared
# scans are held to, and each held to a search of the text.
# What may stand between a comma and a title: an article, "both" or "all", a word of whose it is.
_ARTICLES = rb"(?:(?:the|an?|both|all|its|his|her|their)"
_COMMA_CAPITAL_SCAN_RE = re.compile(rb",(?=" + officials_module._MARKED_SPACE + rb"\x01)")
_COMMA_ARTICLE_CAPITAL_SCAN_RE = re.compile(
    rb",(?=" + officials_module._MARKED_SPACE + _ARTICLES + officials_module._MARKED_SPACE + rb")?"
    rb"(?:(?:" + "|".join(vocabulary.LOWER_RANK_WORDS).encode() + rb")" + officials_module._MARKED_SPACE + rb")?\x01)"
)
_COMMA_WHO_SCAN_RE = re.compile(rb", who ")
_COMMA_LOWER_OFFICE_SCAN_RE = re.compile(
    rb",(?=" + officials_module._MARKED_SPACE + _ARTICLES + officials_module._MARKED_SPACE + rb")?"
    + officials_module._lower_office_after_comma(officials_module._MARKED_SPACE.decode()).encode() + rb")"
)
_AS_TITLE_SCAN_RE = re.compile(rb" as (?:the |an? )?\x01")
_CHOSEN_SCAN_RE = re.compile(rb" (?:" + "|".join(vocabulary.CHOOSING_VERBS).encode() + rb")(?: the)? \x01")
_LAST_ROLE_LETTERS = b"".join(re.escape(form[-1:]) for form in officials_module._LOWER_ROLE_FORMS.values())
_LOWER_ROLES_SCAN_RE = re.compile(
    officials_module._MARK
    + rb"(?<=[" + _LAST_ROLE_LETTERS + rb"] \x01)(?:"
    + officials_module._LOWER_ROLES_BEHIND
    + b")"
)


@pytest.mark.parametrize(
    ("scan", "pattern"),
    [
        (_COMMA_CAPITAL_SCAN_RE, officials_module._TITLE_COMMA_NAME_RE),
        (officials_module._COMMAS_SCAN_RE, officials_module._COMMA_BEFORE_TITLE_RE),
        (_AS_TITLE_SCAN_RE, officials_module._AS_TITLE_RE),
    ],
)
def test_the_marked_scans_find_every_match_of_a_search_of_the_text(scan, pattern):
    # Matching only where a scan of the marked text points must find what searching the whole text finds.
    for text in make_comma_texts():
        marked = officials_module._marked(text)
        at_scans = [match.span() for place in scan.finditer(marked) if (match := pattern.match(text, place.start()))]
        assert at_scans == [match.span() for match in pattern.finditer(text)], text


def test_the_commas_of_one_scan_are_those_of_each_comma_scan():
    # The two comma shapes share one scan: it must find what each shape's own scan finds, in the same order, and
    # the commas before a lower-case office besides.
    texts = [*make_comma_texts(), ", ".join(make_comma_texts()), "A,\u00a0the Head,, Ivo, an Envoy,  a  X,"]
    for text in texts:
        marked = officials_module._marked(text)
        assert officials_module._commas(text) == (
            [place.start() for place in _COMMA_CAPITAL_SCAN_RE.finditer(marked)],
            sorted({place.start() for scan in (_COMMA_ARTICLE_CAPITAL_SCAN_RE, _COMMA_LOWER_OFFICE_SCAN_RE)
                    for place in scan.finditer(marked)}),
            [place.start() for place in _COMMA_WHO_SCAN_RE.finditer(marked)],
        ), text


def test_the_offices_and_as_of_one_scan_are_those_of_each_scan():
    # Lower-case offices, " as " and the verbs of choosing share one scan of the marked text: it must find what
    # each one's own scan finds.
    heads = vocabulary.LOWER_ROLE_HEADS
    texts = [*make_comma_texts(), *make_head_texts(heads)]
    texts += [f"He served as {article}{head} Anna Berg and as {article}{head}\u00a0Čech" for head in heads
              for article in ("", "the ", "a ", "an ")]
    texts += [f"Ana Kos was {verb} {head} and Ivo Danek {verb} Čech, then {verb} the {head}."
              for head in (*heads, "President") for verb in vocabulary.CHOOSING_VERBS]
    for text in texts:
        marked = officials_module._marked(text)
        roles = [(place.start(), place.group(place.lastindex))
                 for place in _LOWER_ROLES_SCAN_RE.finditer(marked)]
        starts = [place.start() for place in _AS_TITLE_SCAN_RE.finditer(marked)]
        chosen = [place.start() for place in _CHOSEN_SCAN_RE.finditer(marked)]
        assert officials_module._roles_and_as(text) == (roles, starts, chosen), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "H.E." (His or Her Excellency) is a form of address: no part of the name, and no title.
        ("H.E. Lina Moravec, Minister of Justice of Ruritania, opened the session.",
         {"Lina Moravec": ["Minister of Justice of Ruritania"]}),
        ("The Ruritanian Foreign Minister, H.E. Pavel Dusek, arrived on Monday.",
         {"Pavel Dusek": ["Ruritanian Foreign Minister"]}),
        # An academic title is a title, as written; "Prof." is "Professor", as the other abbreviated ranks are.
        ("Dr. Anna Petrova presented the study.", {"Anna Petrova": ["Dr."]}),
        ("The study was presented by Dr. Anna Petrova and her team.", {"Anna Petrova": ["Dr."]}),
        ("Prof. Marek Olsza opened the summer school.", {"Marek Olsza": ["Professor"]}),
        # Two academic ranks in a row are one title, as printed: the first one's full stop ends no sentence.
        ("The school was opened by Prof. Dr. Marek Olsza, rector of the Vinstad Academy.",
         {"Marek Olsza": ["rector of the Vinstad Academy", "Prof. Dr."]}),
        ("The Mission's adviser, Dr. Anna Petrova, chaired the panel.",
         {"Anna Petrova": ["Mission's adviser", "Dr."]}),
        ("His Excellency Ivo Danek, Minister of Justice of Ruritania, opened the session.",
         {"Ivo Danek": ["Minister of Justice of Ruritania"]}),
        # A prelate's title is a title, as a bishop's is.
        ("The Permanent Representative of the Holy See, Monsignor Piotr Zalewski, took the floor.",
         {"Piotr Zalewski": ["Permanent Representative of the Holy See", "Monsignor"]}),
        # Mr., Ms. and Mrs. are forms of address: the person counts only when the text gives a title too.
        ("Ms. Hana Lindqvist, Deputy Head of the OSCE Office in Vinstad, thanked the donors.",
         {"Hana Lindqvist": ["Deputy Head of the OSCE Office in Vinstad"]}),
        ("The Head of the OSCE Office, Mr. Tomas Berger, met Mrs. Ilse Varga.",
         {"Tomas Berger": ["Head of the OSCE Office"]}),
        ("Mr. Tomas Berger met the press.", {}),
    ],
)
def test_forms_of_address_are_no_part_of_the_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Initials run together ("J.P.") stand for given names, as one initial does; they are no acronym.
        ("Ambassador J.P. Lindqvist chaired the seminar.", {"J.P. Lindqvist": ["Ambassador"]}),
        ("The Head of the OSCE Office, K.L.M. Osterberg, met the students.",
         {"K.L.M. Osterberg": ["Head of the OSCE Office"]}),
        ("H.K. Tamm, Deputy Head of the OSCE Mission, said the talks went well.",
         {"H.K. Tamm": ["Deputy Head of the OSCE Mission"]}),
        ("Head of Mission Anna M. Kowalska opened the course.", {"Anna M. Kowalska": ["Head of Mission"]}),
        # The initials of countries and organisations are no name.
        ("The Chairman of the Helsinki Commission, U.S. Congress, welcomed the report.", {}),
        ("The Head of the Office, J.P. Lindqvist, met the U.S. Ambassador.",
         {"J.P. Lindqvist": ["Head of the Office"]}),
    ],
)
def test_initials_in_names(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Some releases print surnames in capitals: after a known given name, such a word is a surname.
        ("Ambassador Marta KOVALENKO, Head of the OSCE Office in Vinstad, presented her report.",
         {"Marta KOVALENKO": ["Head of the OSCE Office in Vinstad", "Ambassador"]}),
        ("Head of Mission Piotr ZALEWSKI visited the field office.", {"Piotr ZALEWSKI": ["Head of Mission"]}),
        ("The OSCE Secretary General, Tomas HALVORSEN, met the students.",
         {"Tomas HALVORSEN": ["OSCE Secretary General"]}),
        ("Ambassador Jean-Luc DUMONT met the Minister.", {"Jean-Luc DUMONT": ["Ambassador"]}),
        ("Ruritanian Deputy Minister Anna Maria NOVÁKOVÁ opened the session.",
         {"Anna Maria NOVÁKOVÁ": ["Ruritanian Deputy Minister"]}),
        # An acronym after a given name stays an organisation, and capitals alone are no name.
        ("The Head of the OSCE Office, Maria, and UNDP staff met the Deputy Minister, SMM.", {}),
        ("The Ruritanian Ambassador RASMUSSEN met the Minister.", {}),
    ],
)
def test_surnames_printed_in_capitals(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A post of the OSCE written in lower case after the name is the person's title.
        ("Lena Varga, the Mission's spokesperson, said the team had returned safely.",
         {"Lena Varga": ["Mission's spokesperson"]}),
        ("According to Lena Varga, the OSCE spokesperson, the talks resumed.", {"Lena Varga": ["OSCE spokesperson"]}),
        ("Tomas Berger, head of the OSCE Office in Vinstad, opened the course.",
         {"Tomas Berger": ["head of the OSCE Office in Vinstad"]}),
        ("The course was opened by Tomas Berger, deputy head of the OSCE Mission to Ruritania, on Monday.",
         {"Tomas Berger": ["deputy head of the OSCE Mission to Ruritania"]}),
        ("Hana Lindqvist, a senior adviser at the OSCE Secretariat, briefed the press.",
         {"Hana Lindqvist": ["senior adviser at the OSCE Secretariat"]}),
        # A lower-case role that names no post of the OSCE, or no office at all, gives no title.
        ("Anna Petrova, a journalist from Vinstad, described the arrest.", {}),
        ("Ivo Danek, a student at the OSCE Academy, asked a question.", {}),
        ("Ivo Danek, head of the household, welcomed the monitors.", {}),
        ("Ivo Danek, who met the head of the OSCE Office, thanked the donors.", {}),
    ],
)
def test_lower_case_posts_of_the_osce_after_a_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lower-case office of a body whose capitalised name a word of a body follows, after the name or before it.
        ("Edita Kalnina, a member of the Latvian parliament, chaired the panel.",
         {"Edita Kalnina": ["member of the Latvian parliament"]}),
        ("The akim of the Vinstad region, Daulet Seitkali, greeted the visitors.",
         {"Daulet Seitkali": ["akim of the Vinstad region"]}),
        ("The head of the Port Ruri police station, Goran Ilić, and the Mayor of Vinstad, Ana Kos, walked together.",
         {"Goran Ilić": ["head of the Port Ruri police station"], "Ana Kos": ["Mayor of Vinstad"]}),
        ("Petra Holm, chair of the Riigikogu's legal affairs committee, opened the hearing.",
         {"Petra Holm": ["chair of the Riigikogu's legal affairs committee"]}),
        # A unit or a subject between the office and the named body.
        ("Lena Varga, head of the data unit at the Ministry of Justice, presented the figures.",
         {"Lena Varga": ["head of the data unit at the Ministry of Justice"]}),
        ("The panel heard Ivo Danek, a professor of constitutional law at Vinstad University.",
         {"Ivo Danek": ["professor of constitutional law at Vinstad University"]}),
        ("Mira Kallas, executive director of the Vinstad Human Rights House, spoke first.",
         {"Mira Kallas": ["executive director of the Vinstad Human Rights House"]}),
        # An office of the body named just before ("whose", "its"), or one a possessive names.
        ("The grant went to the Vinstad Law School, whose rector, Oskar Lind, thanked the donors.",
         {"Oskar Lind": ["rector"]}),
        ("The Ruritanian Bar, through its chair, Hana Novak, welcomed the reform.", {"Hana Novak": ["chair"]}),
        ("The town school's principal, Ivo Danek, showed the classrooms.", {"Ivo Danek": ["town school's principal"]}),
        # The whole office a possessive opens, though the name ends the sentence.
        ("The monitors were met by the plant's director, Ivo Danek.", {"Ivo Danek": ["plant's director"]}),
        ("The visit was led by the Centre's senior legal adviser, Ana Kos. Kos said so.",
         {"Ana Kos": ["Centre's senior legal adviser"]}),
        ("The study was written by the Project Office's police adviser, Bo Lind.",
         {"Bo Lind": ["Project Office's police adviser"]}),
        # No body: a family, an airport, a son.
        ("The head of the Kovač family, Ivo Danek, received the monitors.", {}),
        ("Ivo Danek, an officer at Vinstad airport, saw the plane land.", {}),
        ("The family, whose son, Ivo Danek, was detained, spoke to the press.", {}),
    ],
)
def test_lower_case_offices_of_a_named_body_or_the_body_named_before(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # How long or when an office is held is no part of its title.
        ("Ivo Danek was re-elected Secretary General for a second three-year term.",
         {"Ivo Danek": ["Secretary General"]}),
        ("The Council appointed Ana Kos of Ruritania as Special Representative for Youth for a period of one year.",
         {"Ana Kos": ["Special Representative for Youth"]}),
        ("Lena Varga, Director of the Vinstad Office at the time, signed the agreement.",
         {"Lena Varga": ["Director of the Vinstad Office"]}),
        ("Ana Kos, who chaired the Vinstad Bar Association for nine years, spoke.",
         {"Ana Kos": ["chaired the Vinstad Bar Association"]}),
        # Who chose, and where: no part of the title.
        ("Ivo Danek was elected President of the Vinstad Assembly at the Annual Session in Ostra.",
         {"Ivo Danek": ["President of the Vinstad Assembly"]}),
        ("Ana Kos was appointed Director of the Vinstad Institute by the Ministerial Council in Ostra.",
         {"Ana Kos": ["Director of the Vinstad Institute"]}),
        ("The Council extended the mandate of Ana Kos as Head of the Vinstad Office for another year.",
         {"Ana Kos": ["Head of the Vinstad Office"]}),
        # What the office is to do is no part of it; whom it is to is.
        ("The Chair appointed Bo Lind as Special Co-ordinator to lead the short-term observers.",
         {"Bo Lind": ["Special Co-ordinator"]}),
        ("Ivo Danek, Permanent Representative to the OSCE, spoke.",
         {"Ivo Danek": ["Permanent Representative to the OSCE"]}),
        # A word of when before the verb of taking office; "had served as".
        ("Ana Kos, a diplomat from Ruritania, today took up duties as Head of the Vinstad Office.",
         {"Ana Kos": ["Head of the Vinstad Office"]}),
        ("Ana Kos succeeds Ivo Danek, who had served as Head of the Vinstad Office.",
         {"Ivo Danek": ["Head of the Vinstad Office"]}),
        # Chosen again is chosen: "re-elected", "re-appointed".
        ("The Council re-appointed Tomas Berger as Head of the OSCE Centre in Vinstad.",
         {"Tomas Berger": ["Head of the OSCE Centre in Vinstad"]}),
        ("Hana Novak, who was re-elected President of the Vinstad Assembly, thanked the voters.",
         {"Hana Novak": ["President of the Vinstad Assembly"]}),
    ],
)
def test_when_and_how_long_an_office_is_held_is_no_part_of_its_title(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Each of a list named by one plural title, their bodies or countries after them ("of the EU").
        ("The Co-Chairs of the Vinstad Talks, Ana Kos of the EU, Ivo Danek of the UN and Bo Lind of the OSCE, met.",
         {name: ["Co-Chairs of the Vinstad Talks"] for name in ("Ana Kos", "Ivo Danek", "Bo Lind")}),
        ("Ministers Ana Kos of the Ruritanian Republic and Ivo Danek of Vinstad signed the statement.",
         {"Ana Kos": ["Ministers"], "Ivo Danek": ["Ministers"]}),
        # A lower-case plural before the list: counted, of a named body or place, or of a possessive's body.
        ("Three mayors, Ana Kos of Vinstad, Ivo Danek of Port Ruri and Bo Lind of Ostra, told their stories.",
         {name: ["mayors"] for name in ("Ana Kos", "Ivo Danek", "Bo Lind")}),
        ("The talks joined the governors of Vinstad and Ostra, Ana Kos and Ivo Danek, and their staff.",
         {"Ana Kos": ["governors of Vinstad and Ostra"], "Ivo Danek": ["governors of Vinstad and Ostra"]}),
        ("The Office's two deputy heads, Ana Kos and Ivo Danek, met the donors.",
         {"Ana Kos": ["Office's two deputy heads"], "Ivo Danek": ["Office's two deputy heads"]}),
        # After the list, "both" or "all" before the plural.
        ("Ana Kos and Ivo Danek, both members of the Ruritanian Senate, observed the vote.",
         {"Ana Kos": ["members of the Ruritanian Senate"], "Ivo Danek": ["members of the Ruritanian Senate"]}),
        ("Ana Kos, Ivo Danek and Bo Lind, all vice-presidents of the Vinstad Assembly, signed it.",
         {name: ["vice-presidents of the Vinstad Assembly"] for name in ("Ana Kos", "Ivo Danek", "Bo Lind")}),
        # A plural that names no office, or no body.
        ("Two students, Ana Kos and Ivo Danek, won the prize.", {}),
        ("The members of the family, Ana Kos and Ivo Danek, thanked the police.", {}),
        ("Ana Kos and Ivo Danek, both members of the team, won.", {}),
    ],
)
def test_one_plural_title_for_each_of_a_list(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "appointed" after a verb, an adverb or a comma is the verb: no word of the title after it, and the title
        # before the comma stays with the person it follows.
        ("The Chair, Ivo Danek, has appointed Ambassador Ana Kos as his Special Envoy for Youth.",
         {"Ivo Danek": ["Chair"], "Ana Kos": ["Special Envoy for Youth", "Ambassador"]}),
        ("Foreign Minister Ivo Danek, the Council's Chair, appointed Ambassador Ana Kos as his Special Envoy.",
         {"Ivo Danek": ["Council's Chair", "Foreign Minister"], "Ana Kos": ["Special Envoy", "Ambassador"]}),
        ("The Council today appointed Ambassador Ana Kos as Head of the Vinstad Office.",
         {"Ana Kos": ["Head of the Vinstad Office", "Ambassador"]}),
        # After "newly" or an article it is the title's own word.
        ("The newly appointed Head of the Vinstad Office, Ana Kos, met the staff.",
         {"Ana Kos": ["newly appointed Head of the Vinstad Office"]}),
    ],
)
def test_appointed_after_a_verb_or_a_comma_is_no_word_of_the_title(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A marshal's rank is a rank: a venue named after one is no official, an officer who holds it is.
        ("The course was held in the Marshal Ivo Danek barracks near Vinstad.", {}),
        ("Marshal Ivo Danek inspected the troops.", {"Ivo Danek": ["Marshal"]}),
        # The Red Cross and the Red Crescent are no person.
        ("The panel heard Ana Kos (Secretary General of the Ruritanian Red Cross).",
         {"Ana Kos": ["Secretary General of the Ruritanian Red Cross"]}),
        ("Ana Kos, head of the Red Crescent office in Vinstad, spoke.",
         {"Ana Kos": ["head of the Red Crescent office in Vinstad"]}),
        # Nor is a contact point, or a task force, a coast guard or an army.
        ("The Head of the ODIHR Contact Point for Roma Issues, Ana Kos, spoke.",
         {"Ana Kos": ["Head of the ODIHR Contact Point for Roma Issues"]}),
        ("Ambassador Ana Kos, Head of the Chairmanship's Task Force, briefed the press.",
         {"Ana Kos": ["Head of the Chairmanship's Task Force", "Ambassador"]}),
        ("The Commander of the Ruritanian Coast Guard, Captain Ivo Danek, welcomed the crews.",
         {"Ivo Danek": ["Commander of the Ruritanian Coast Guard", "Captain"]}),
    ],
)
def test_names_of_venues_and_of_the_red_cross_are_no_officials(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Rank A of Body and Rank B": the body before "and" is A's, no word of B's title.
        ("The course was led by Inspector Ana Kos of the Vinstad Police and Sergeant Ivo Danek of the Coast Guard.",
         {"Ana Kos": ["Inspector"], "Ivo Danek": ["Sergeant"]}),
        ("Vice-Rector Bo Lind of the Vinstad State University and Professor Lena Varga welcomed the students.",
         {"Bo Lind": ["Vice-Rector"], "Lena Varga": ["Professor"]}),
        # An office's own "of ... and ..." stays whole.
        ("The Minister of Labour and Social Policy Ivo Danek spoke.",
         {"Ivo Danek": ["Minister of Labour and Social Policy"]}),
    ],
)
def test_the_body_of_the_person_before_and_is_no_part_of_the_next_title(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country's word before a lower-case office, before the name or after it.
        ("The Ruritanian chief negotiator, Ivo Danek, and the Vinstad chief negotiator, Ana Kos, met.",
         {"Ivo Danek": ["Ruritanian chief negotiator"], "Ana Kos": ["Vinstad chief negotiator"]}),
        ("Bo Lind, the former Ruritanian foreign minister, opened the exhibition.",
         {"Bo Lind": ["former Ruritanian foreign minister"]}),
        ("The talks were chaired by the former OSCE mediator, Lena Varga.", {"Lena Varga": ["former OSCE mediator"]}),
        # An office a possessive word gives ("his", "her"): the person's counterpart or adviser.
        ("The Minister met his Ruritanian counterpart, Ivo Danek.", {"Ivo Danek": ["Ruritanian counterpart"]}),
        ("The Minister thanked her adviser, Ana Kos, for the report.", {"Ana Kos": ["adviser"]}),
        # No office: a family's head, a victim's lawyer.
        ("Ivo Danek, the Kovač family head, welcomed the monitors.", {}),
        ("The victim's lawyer, Ana Kos, spoke to the court.", {}),
    ],
)
def test_lower_case_offices_after_a_countrys_word_or_a_possessive(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "its" in a title after "of": the body named before ("the Chair of its Budget Committee").
        ("Speaker Ivo Danek and the Chair of its Budget and Audit Committee, Ana Kos, met the donors.",
         {"Ivo Danek": ["Speaker"], "Ana Kos": ["Chair of its Budget and Audit Committee"]}),
        ("The Centre and its Head of Office, Lena Varga, hosted the talks.", {"Lena Varga": ["Head of Office"]}),
        # "the appointment of Name (, a few words,) as the next Title".
        ("The Council welcomed the appointment of Ana Kos as the next Director of the Vinstad Institute.",
         {"Ana Kos": ["Director of the Vinstad Institute"]}),
        ("The Chair welcomed the appointment of Ivo Danek, a Ruritanian judge, as the new President of the Court.",
         {"Ivo Danek": ["Ruritanian judge", "President of the Court"]}),
        # A plural office of its own, whatever it chairs.
        ("The co-chairs of the task group, Ana Kos of Vinstad and Ivo Danek of the Ruritanian Republic, reported.",
         {"Ana Kos": ["co-chairs of the task group"], "Ivo Danek": ["co-chairs of the task group"]}),
    ],
)
def test_offices_of_a_body_named_before_appointments_and_plural_offices(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word of the office's subject before its head, after the name and a comma ("programme co-ordinator at").
        ("Lena Varga, programme co-ordinator at the Vinstad Foundation for Human Rights, chaired the panel.",
         {"Lena Varga": ["programme co-ordinator at the Vinstad Foundation for Human Rights"]}),
        ("Ivo Danek, legal expert for the OSCE Office in Vinstad, presented the draft.",
         {"Ivo Danek": ["legal expert for the OSCE Office in Vinstad"]}),
        ("Ana Kos, a student of the Vinstad Academy, asked a question.", {}),
        # A body's kind before its name ("the local NGO Open Doors"), a unit of a named body, a district's council.
        ("Bo Lind, the head of the local NGO Open Doors, described the returns.",
         {"Bo Lind": ["head of the local NGO Open Doors"]}),
        ("The head of the Ruritanian Embassy's press section, Ivo Danek, attended.",
         {"Ivo Danek": ["head of the Ruritanian Embassy's press section"]}),
        ("Ana Kos, who chairs the Ostra district council, opened the road.",
         {"Ana Kos": ["chairs the Ostra district council"]}),
        ("Lena Varga, who chairs the board of the Vinstad Humanitarian Centre, spoke.",
         {"Lena Varga": ["chairs the board of the Vinstad Humanitarian Centre"]}),
        # A place's name before a lower-case office with its subject; an akim's deputy; colonels in a list.
        ("The Vinstad North municipal director for culture, Ana Kos, opened the festival.",
         {"Ana Kos": ["Vinstad North municipal director for culture"]}),
        ("The akim and the first deputy akim, Bo Lind, met the team.", {"Bo Lind": ["first deputy akim"]}),
        ("The visit was led by Colonels Ivo Danek of Ruritania and Bo Lind of Vinstad.",
         {"Ivo Danek": ["Colonels"], "Bo Lind": ["Colonels"]}),
        ("Mr. Ivo Danek of Ruritania began his service as Secretary General of the Vinstad Assembly.",
         {"Ivo Danek": ["Secretary General of the Vinstad Assembly"]}),
    ],
)
def test_offices_of_named_bodies_of_every_kind_and_of_places(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Vice-Presidents" is a plural title of its own, not "Presidents".
        ("The Vice-Presidents Ana Kos and Ivo Danek opened the session.",
         {"Ana Kos": ["Vice-Presidents"], "Ivo Danek": ["Vice-Presidents"]}),
        # "Title and the Title, Name": the article after "and" opens the second person's title.
        ("Tomas Berger, the Head of the Vinstad Office, and the Ruritanian Ambassador to Vinstad, Bo Lind, met.",
         {"Tomas Berger": ["Head of the Vinstad Office"], "Bo Lind": ["Ruritanian Ambassador to Vinstad"]}),
        # "interim" is a word of the title; "at the close of the Annual Session" is none.
        ("The interim deputy head, Ana Kos, welcomed the guests.", {"Ana Kos": ["interim deputy head"]}),
        ("Ivo Danek was elected President of the Vinstad Assembly at the close of the Annual Session.",
         {"Ivo Danek": ["President of the Vinstad Assembly"]}),
        ("Bo Lind, head of the Ostra regional police directorate, spoke.",
         {"Bo Lind": ["head of the Ostra regional police directorate"]}),
    ],
)
def test_plural_titles_joined_by_a_hyphen_an_article_after_and_and_words_of_time(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lower-case office in brackets before the body that holds it.
        ("The experts were Ana Kos (Ruritania) and Ivo Danek (legal adviser, ODIHR).",
         {"Ivo Danek": ["legal adviser, ODIHR"]}),
        ("Ana Kos (student, Vinstad Academy) and Ivo Danek (left) spoke.", {}),
        # A councillor and a specialist are offices.
        ("VINSTAD, 2 June 2016 – Municipal councillor Bo Lind said the signs were up.",
         {"Bo Lind": ["Municipal councillor"]}),
        ("Ana Kos, a mine action specialist with the OSCE Office in Vinstad, showed the tools.",
         {"Ana Kos": ["mine action specialist with the OSCE Office in Vinstad"]}),
    ],
)
def test_lower_case_offices_in_brackets_and_of_councillors_and_specialists(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A rapporteur's subject in lower case.
        ("UN Special Rapporteur on torture Ana Kos visited the prison.",
         {"Ana Kos": ["UN Special Rapporteur on torture"]}),
        ("Ivo Danek, the UN Special Rapporteur on freedom of opinion and expression, spoke.",
         {"Ivo Danek": ["UN Special Rapporteur on freedom of opinion and expression"]}),
    ],
)
def test_titles_of_rapporteurs_with_lower_case_subjects(text, expected):
    assert officials(text) == expected


def test_a_title_after_a_name_may_open_with_the_word_of_whose_it_is():
    found = officials("The club's chairman, Ivo Danek, and Mr. Bo Lind, its Secretary, welcomed the monitors.")
    assert found == {"Ivo Danek": ["club's chairman"], "Bo Lind": ["Secretary"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Title A and B": the name right after the title is A's, though the lexicon lacks A's given name and knows B's.
        ("Ruritanian Ombudsperson Zhyldyz Umetova and Ivo Danek, Chairman of the Election Commission, attended.",
         {"Zhyldyz Umetova": ["Ruritanian Ombudsperson"], "Ivo Danek": ["Chairman of the Election Commission"]}),
        ("Ambassador Tuvshin Oyunbold and Hana Novak, Head of the OSCE Office, met the Minister.",
         {"Tuvshin Oyunbold": ["Ambassador"], "Hana Novak": ["Head of the OSCE Office"]}),
        ("Foreign Minister Zhyldyz Umetova and Ambassador Ivo Danek met in Vinstad.",
         {"Zhyldyz Umetova": ["Foreign Minister"], "Ivo Danek": ["Ambassador"]}),
        # The second title may open with a body's initials or words before its head.
        ("Deputy Minister of Justice Tolkunbek Asanov and OSCE Co-ordinator of Economic and Social Projects Ivo Danek "
         "met.", {"Tolkunbek Asanov": ["Deputy Minister of Justice"],
                  "Ivo Danek": ["OSCE Co-ordinator of Economic and Social Projects"]}),
        ("UN Resident Co-ordinator in Moldova Dilfuza Karimova and EU Special Envoy Bo Lind spoke.",
         {"Dilfuza Karimova": ["UN Resident Co-ordinator in Moldova"], "Bo Lind": ["EU Special Envoy"]}),
        # Title words before "and" are no name.
        ("The Minister of Foreign Affairs and Ivo Danek met.", {}),
        ("The Deputy Prime Minister and Ivo Danek met.", {}),
    ],
)
def test_a_name_before_and_whose_given_name_the_lexicon_lacks(text, expected):
    assert officials(text) == expected


def test_a_building_named_after_a_title_and_a_name_is_no_official():
    assert officials("The seminar was held at the President Palmer Hotel in Vinstad.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Abbreviated and hyphenated military ranks are titles, not part of the name.
        ("Col. Ivo Danek led the inspection team.", {"Ivo Danek": ["Colonel"]}),
        ("Lt. Col. Hana Novak briefed the monitors.", {"Hana Novak": ["Lt. Col."]}),
        ("Lieutenant-General Tomas Berger, Deputy Chief of the General Staff, received the delegation.",
         {"Tomas Berger": ["Deputy Chief of the General Staff", "Lieutenant-General"]}),
        # Offices of other countries and faiths.
        ("Ruritanian Federal Councillor Anna Petrova will chair the meeting.",
         {"Anna Petrova": ["Ruritanian Federal Councillor"]}),
        ("Congressman Marek Olsza spoke for the Helsinki Commission.", {"Marek Olsza": ["Congressman"]}),
        ("Rabbi Jonas Weill and Imam Selim Hadžić opened the interfaith dialogue.",
         {"Jonas Weill": ["Rabbi"], "Selim Hadžić": ["Imam"]}),
        ("OSCE HCNM Astrid Nyberg visited the region.", {"Astrid Nyberg": ["OSCE HCNM"]}),
        # Heads elected or designated, and other offices.
        ("President-elect Ana Kos and Secretary General-designate Ivo Danek met.",
         {"Ana Kos": ["President-elect"], "Ivo Danek": ["Secretary General-designate"]}),
        ("Commodore Lena Varga and OSCE PA Treasurer Tomas Berger spoke.",
         {"Lena Varga": ["Commodore"], "Tomas Berger": ["OSCE PA Treasurer"]}),
        ("Prefect Ana Kos met Cardinal Ivo Danek and Capt. Lena Varga.",
         {"Ana Kos": ["Prefect"], "Ivo Danek": ["Cardinal"], "Lena Varga": ["Capt."]}),
        # A name copied between scripts, a Cyrillic "В" and "а" in it, is written as printed.
        ("Ambassador Вaiba Kalnina met the press.", {"Вaiba Kalnina": ["Ambassador"]}),
        # An Irish particle inside the name.
        ("Foreign Minister Siobhán Ní Bhriain arrived in Vienna.", {"Siobhán Ní Bhriain": ["Foreign Minister"]}),
    ],
)
def test_ranks_and_offices_of_other_traditions(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Relief goods reached the port on the ferry Prince Dimitar.",
        "Pupils of the Admiral Kovač secondary school sang the anthem.",
        "The delegates stayed at Hotel King Tomislav in the old town.",
        "Wreaths were laid at the General Radić monument.",
        # A venue's name written with capitals, as its own is.
        "Pupils of the Queen Vera Kostić Primary School sang the anthem.",
        "The convoy crossed the Prince Ivo Danek Bridge at dawn.",
    ],
)
def test_a_ship_hotel_school_or_monument_named_after_someone_is_no_official(text):
    assert officials(text) == {}


def test_a_person_who_shares_a_venues_name_is_still_an_official_with_a_title_of_their_own():
    text = ("The President Berisha school reopened. President Berisha, the Head of State, said the repairs were "
            "funded by the OSCE Presence.")
    assert "Berisha" in officials(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word after "of" or "for" is the subject of an office, though it could be a name: "and" goes on the title.
        ("Minister of Labour and Social Policy Ana Kos opened the fair.",
         {"Ana Kos": ["Minister of Labour and Social Policy"]}),
        ("State Minister for Reconciliation and Civic Equality Ivo Danek met the monitors.",
         {"Ivo Danek": ["State Minister for Reconciliation and Civic Equality"]}),
        # A name before "and" still ends the title before it.
        ("Hana Novak and EU Commissioner Ivo Danek met in Vinstad.", {"Ivo Danek": ["EU Commissioner"]}),
    ],
)
def test_and_inside_an_offices_subject_is_part_of_the_title(text, expected):
    assert officials(text) == expected


def test_a_title_before_comma_and_is_the_person_befores_not_the_next_ones():
    text = "Ruritanian Foreign Minister Ana Kos, OSCE Chairperson-in-Office, and Secretary General Ivo Danek met."
    found = officials(text)
    assert found["Ivo Danek"] == ["Secretary General"]
    assert "OSCE Chairperson-in-Office" in found["Ana Kos"]


def test_a_surname_named_alone_with_its_title_takes_the_fullest_form_the_text_writes():
    assert officials("ODIHR Director Varga opened the meeting. Later, Lena Varga met the press.") == {
        "Lena Varga": ["ODIHR Director"]}
    # Another surname that starts with it is another person's.
    assert "Varga" in officials("ODIHR Director Varga met Lena Varga-Kos.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb of leading tells an office only with the structure's name right after "the".
        ("Ana Kos, who chaired the meeting of the Permanent Council, spoke.", {}),
        # A lower-case office of a capitalised name that is no body's.
        ("Ana Kos, head of the Kovač family, and Ivo Danek, an officer at Vinstad airport, spoke.", {}),
        # An opening clause that ends in a plural title is no apposition of the names after it.
        ("After meeting the Foreign Ministers of Ruritania and Vinstad, Ana Kos and Ivo Danek said it went well.", {}),
        # A capital that is also a given name stays a place after "of".
        ("Mayor of Sofia Ivo Danek welcomed the delegation.", {"Ivo Danek": ["Mayor of Sofia"]}),
        # A surname that is a title word elsewhere is a name.
        ("Ana Pastor, Vice-President of the OSCE Parliamentary Assembly, spoke.",
         {"Ana Pastor": ["Vice-President of the OSCE Parliamentary Assembly"]}),
        ("Foreign Minister Ivo Danek of Bosnia and Herzegovina and Ambassador Lena Varga met.",
         {"Ivo Danek": ["Foreign Minister", "Foreign Minister of Bosnia and Herzegovina"],
          "Lena Varga": ["Ambassador"]}),
    ],
)
def test_shapes_that_look_like_an_office_and_are_none_or_another(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Capitalised words after a title's preposition are the title's object, whatever given name opens them.
        ("The Director of the Vinstad Centre for Peace Studies welcomed the students.", {}),
        ("Lena Varga, Director of the Vinstad Centre for Peace Studies, opened the course.",
         {"Lena Varga": ["Director of the Vinstad Centre for Peace Studies"]}),
        ("Prof. Ivo Danek, Head of the Institute for Human Rights, spoke.",
         {"Ivo Danek": ["Head of the Institute for Human Rights", "Professor"]}),
        # The end of a country's name is no person's, whatever given name opens it.
        ("The Minister of Foreign Affairs of the United Arab Emirates arrived in Vienna.", {}),
        ("Omar Haddad, Minister of State of the United Arab Emirates, met the delegation.",
         {"Omar Haddad": ["Minister of State of the United Arab Emirates"]}),
    ],
)
def test_words_a_title_needs_are_no_other_persons_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chair of the Ruritanian Parliament, Azamat Tursun uulu, opened the session.",
         {"Azamat Tursun uulu": ["Chair of the Ruritanian Parliament"]}),
        ("Deputy Minister Aigerim Bakyt kyzy met the trainers.", {"Aigerim Bakyt kyzy": ["Deputy Minister"]}),
        # In a name's full form the surname follows it.
        ("Rashad Elchin oglu Huseynov, Head of the Vinstad Migration Service, met the trainers.",
         {"Rashad Elchin oglu Huseynov": ["Head of the Vinstad Migration Service"]}),
        ("Ambassador Leyla Tahir qizi Mammadova opened the seminar.", {"Leyla Tahir qizi Mammadova": ["Ambassador"]}),
    ],
)
def test_a_suffix_that_ends_a_central_asian_name_is_part_of_it(text, expected):
    assert officials(text) == expected


def test_two_people_whose_names_end_in_the_same_suffix_are_counted_apart():
    found = find_officials("Azamat Tursun uulu, Head of the Border Service, met Deputy Head Nurlan Talant uulu. "
                           "Talant uulu said the talks went well.")
    assert [(o.name, o.mentions) for o in found] == [("Azamat Tursun uulu", 1), ("Nurlan Talant uulu", 2)]


def test_every_name_of_a_list_after_a_plural_title_and_rank_gets_both():
    found = officials("The Co-Chairs of the Working Group, Ambassadors Ana Kos, Ivo Danek and Lena Varga, met.")
    assert found == {name: ["Ambassadors", "Co-Chairs of the Working Group"]
                     for name in ("Ana Kos", "Ivo Danek", "Lena Varga")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speakers were Lena Varga (Director of the Vinstad Police Academy) and Ivo Danek (Head of Training).",
         {"Lena Varga": ["Director of the Vinstad Police Academy"], "Ivo Danek": ["Head of Training"]}),
        # A title never runs back into the brackets of the person before.
        ("Lena Varga (Head of the Academy) and Colonel Ivo Danek (Deputy Head) presented it.",
         {"Lena Varga": ["Head of the Academy"], "Ivo Danek": ["Colonel", "Deputy Head"]}),
        ("OSCE PA President Ana Kos (MP, Finland) opened the session.",
         {"Ana Kos": ["OSCE PA President", "MP, Finland"]}),
        ("Tomas Berger (left) and Ana Kos (ODIHR) toured the Vinstad Academy (Police).", {}),
    ],
)
def test_a_title_in_brackets_after_a_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomas Berger, who serves as Head of the Border Police, thanked the trainers.",
         {"Tomas Berger": ["Head of the Border Police"]}),
        # When the title was taken up is no part of it.
        ("Ana Kos, who was appointed Deputy Head of the Mission in March, opened the course.",
         {"Ana Kos": ["Deputy Head of the Mission"]}),
        ("Lena Varga, who is a teacher from Vinstad, and Ivo Danek, who was born in Port Ruri, spoke.", {}),
    ],
)
def test_a_title_after_who_is_or_who_serves_as(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Kos, a senior legal adviser with ODIHR, presented the opinion.",
         {"Ana Kos": ["senior legal adviser with ODIHR"]}),
        ("The hearing was followed by Ivo Danek, a human rights officer of the OSCE Office in Vinstad.",
         {"Ivo Danek": ["human rights officer of the OSCE Office in Vinstad"]}),
        # Words of another kind than an office's, or no body after it: no official.
        ("Ana Kos, his wife and adviser to the family, spoke.", {}),
        ("Ivo Danek, a young lawyer from Vinstad, spoke.", {}),
    ],
)
def test_words_of_an_offices_kind_before_its_head_after_a_name_and_an_article(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were opened by the national security adviser, Lena Varga, in Vinstad.",
         {"Lena Varga": ["national security adviser"]}),
        ("The head of the customs service, Ivo Danek, signed the protocol.",
         {"Ivo Danek": ["head of the customs service"]}),
        ("The prosecutor general, Ana Kos, answered questions.", {"Ana Kos": ["prosecutor general"]}),
        # A word that is no office's head makes no official, however the comma stands.
        ("The main speaker, Ivo Danek, left early.", {}),
    ],
)
def test_a_lower_case_office_after_an_article_before_a_comma_and_a_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "After meeting the Foreign Minister, Ivo Danek said the talks went well.",
        "After meeting the minister, Ivo Danek said the talks went well.",
        "Together with the head of the delegation, Ana Kos and Ivo Danek visited the school.",
    ],
)
def test_a_clause_that_opens_the_sentence_gives_its_title_to_no_name_after_it(text):
    assert officials(text) == {}


@pytest.mark.parametrize(
    ("text", "rank"),
    [("Lieutenant General Ivo Danek, Head of the Planning Group, inspected the unit.", "Lieutenant General"),
     ("Brigadier General Ivo Danek, Head of the Planning Group, inspected the unit.", "Brigadier General"),
     ("Rear Admiral Ivo Danek, Head of the Planning Group, inspected the unit.", "Rear Admiral"),
     ("Lieutenant Colonel Ivo Danek, Head of the Planning Group, inspected the unit.", "Lieutenant Colonel")],
)
def test_a_rank_of_two_words_is_one_title(text, rank):
    assert officials(text) == {"Ivo Danek": ["Head of the Planning Group", rank]}


def test_a_surname_after_a_form_of_address_before_a_title_is_an_official():
    found = find_officials("Ms. Varga, the Head of the OSCE Office in Vinstad, met the mayor. Varga said it went well.")
    assert [(o.name, o.titles, o.mentions) for o in found] == [("Varga", ["Head of the OSCE Office in Vinstad"], 2)]


@pytest.mark.parametrize("head", ["Vice-Minister", "Vice-Speaker", "Vice-Governor"])
def test_a_vice_title_written_with_a_hyphen_after_a_name(head):
    assert officials(f"Lena Varga, Ruritania's {head} of the Interior, spoke.") == {
        "Lena Varga": [f"Ruritania's {head} of the Interior"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Omar al-Haddad, the Ambassador of Jordan, spoke.", {"Omar al-Haddad": ["Ambassador of Jordan"]}),
        ("Ambassador Omar al-Haddad opened the seminar.", {"Omar al-Haddad": ["Ambassador"]}),
        ("Head of Mission Lena d'Aubert opened the seminar.", {"Lena d'Aubert": ["Head of Mission"]}),
    ],
)
def test_a_surname_that_opens_with_a_joined_particle(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prof. Ivo Danek, rector of the University of Vinstad, opened the course.",
         {"Ivo Danek": ["rector of the University of Vinstad", "Professor"]}),
        # Words that name a member or an expert of anything are no office before a name, nor after an article.
        ("Family member Ana Kos said she was grateful.", {}),
        ("German expert Ivo Danek presented the findings.", {}),
        ("The youngest member, Ana Kos, said she was grateful.", {}),
    ],
)
def test_a_rector_is_an_office_and_a_member_or_expert_of_anything_is_none(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Kos, who works as a legal adviser to the Ombudsman of Ruritania, spoke.",
         {"Ana Kos": ["legal adviser to the Ombudsman of Ruritania"]}),
        ("Ivo Danek, who until last year served as the Ruritanian Ambassador to Vinstad, moderated the panel.",
         {"Ivo Danek": ["Ruritanian Ambassador to Vinstad"]}),
        ("Ana Kos, who is a teacher at the Vinstad School, spoke.", {}),
    ],
)
def test_a_lower_case_office_or_a_past_title_after_who(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ivo Danek has been named the OSCE Chairmanship's Special Representative on Youth.",
         {"Ivo Danek": ["OSCE Chairmanship's Special Representative on Youth"]}),
        # A verb after its subject is no word of the title before the name; the office after "as" is the person's.
        ("The Council appointed Ambassador Ivo Danek as the new Head of the Mission.",
         {"Ivo Danek": ["Head of the Mission", "Ambassador"]}),
        ("The newly appointed Head of Mission Ana Kos met the press.",
         {"Ana Kos": ["newly appointed Head of Mission"]}),
        ("Ana Kos was named Person of the Year.", {}),
    ],
)
def test_a_title_after_a_verb_of_choosing(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Kos, who heads the human rights department of the OSCE Mission to Vinstad, spoke.",
         {"Ana Kos": ["heads the human rights department of the OSCE Mission to Vinstad"]}),
        ("Ivo Danek, who chairs the working group of the Permanent Council, spoke.",
         {"Ivo Danek": ["chairs the working group of the Permanent Council"]}),
        # A meeting is no unit of the body.
        ("Ana Kos, who chaired the meeting of the Permanent Council, spoke.", {}),
    ],
)
def test_who_heads_a_unit_of_a_named_body(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opening clause ends at its comma: an apposition after it is read.
        ("Before the meeting, the Secretary General spoke with the Foreign Minister of Ruritania, Ana Kos.",
         {"Ana Kos": ["Foreign Minister of Ruritania"]}),
        # A head that owns what follows it is no title ("the Ambassador's driver").
        ("Ivo Danek, who was the Ambassador's driver, described the attack.", {}),
        ("Ivo Danek was named the Mission's contact point for the Ambassador's visit.", {}),
        # A unit of an association or a club is no office; of a state's structure it is.
        ("Tomas Berger, who leads the youth team of the Vinstad Football Association, thanked the Mission.", {}),
        # A title whose subject opens with a year keeps it.
        ("Ana Kos, Chair of the Working Group on 2030 Agenda, said so.",
         {"Ana Kos": ["Chair of the Working Group on 2030 Agenda"]}),
        # A possessive before a participle is no subject of a verb.
        ("The Assembly's appointed Rapporteur Ivo Danek spoke.", {"Ivo Danek": ["Assembly's appointed Rapporteur"]}),
    ],
)
def test_what_the_new_shapes_must_not_read(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ivo Danek took office as Head of the OSCE Centre in Vinstad on 1 September.",
         {"Ivo Danek": ["Head of the OSCE Centre in Vinstad"]}),
        ("Ana Kos, who became Head of the OSCE Office in Vinstad last autumn, spoke.",
         {"Ana Kos": ["Head of the OSCE Office in Vinstad"]}),
        ("Ana Kos, who served as Head of the OSCE Office in Vinstad in 2019, spoke.",
         {"Ana Kos": ["Head of the OSCE Office in Vinstad"]}),
    ],
)
def test_when_an_office_was_taken_up_is_no_part_of_its_title(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Head of Mission Ambassador Tomas Berger opened the course.",
         {"Tomas Berger": ["Head of Mission", "Ambassador"]}),
        ("Deputy Head of the Academy Colonel Ana Kos welcomed the cadets.",
         {"Ana Kos": ["Deputy Head of the Academy", "Colonel"]}),
        ("The Chief of Defence Lieutenant General Ivo Danek met the Mission.",
         {"Ivo Danek": ["Chief of Defence", "Lieutenant General"]}),
        # An office that ends with its head ("Centre Head"), not with a word of the rank's own ("Deputy Ambassador").
        ("Centre Head Ambassador Ana Kos and Deputy Ambassador Ivo Danek met the press.",
         {"Ana Kos": ["Centre Head", "Ambassador"], "Ivo Danek": ["Deputy Ambassador"]}),
        # A head that ends with a rank's word is one title.
        ("OSCE Secretary General Ana Kos and Ruritanian Consul General Ivo Danek met.",
         {"Ana Kos": ["OSCE Secretary General"], "Ivo Danek": ["Ruritanian Consul General"]}),
    ],
)
def test_an_office_that_runs_into_the_persons_own_rank_is_two_titles(text, expected):
    assert officials(text) == expected


def test_the_main_title_is_the_office_rather_than_a_longer_rank():
    [official] = find_officials("The Chief of Defence, Lieutenant General Ivo Danek, met the Mission.")
    assert official.title == "Chief of Defence"


@pytest.mark.parametrize(
    "text",
    [
        "Trucks queued at the General Janković crossing point for hours.",
        "A delegation from Prince Edward Island visited the Mission.",
    ],
)
def test_a_crossing_or_an_island_named_after_someone_is_no_official(text):
    assert officials(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Trust matters,” said Elsa af Lindqvist, Mayor of Vinstad.", {"Elsa af Lindqvist": ["Mayor of Vinstad"]}),
        # A word after a particle is a surname's, even when it is a given name too.
        ("Professor Sofia dos Santos Ferreira opened the school.", {"Sofia dos Santos Ferreira": ["Professor"]}),
    ],
)
def test_names_with_particles_of_more_languages(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body's name with "of" in it before the head, after a name and a comma.
        ("The speech was given by Dr. Ivo Danek, Council of Europe Commissioner for Human Rights.",
         {"Ivo Danek": ["Council of Europe Commissioner for Human Rights", "Dr."]}),
        ("Ana Kos has been appointed OSCE Special Representative on Youth, the Chairmanship announced.",
         {"Ana Kos": ["OSCE Special Representative on Youth"]}),
        ("The Secretary General has appointed Ivo Danek as the new Head of the OSCE Office in Vinstad.",
         {"Ivo Danek": ["Head of the OSCE Office in Vinstad"]}),
    ],
)
def test_offices_after_a_comma_or_a_verb_of_choosing_that_open_with_a_bodys_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials of the General Directorate for Elections attended the workshop.",
        "The Ombudsman Institution of Ruritania published its annual report.",
    ],
)
def test_a_structure_after_a_rank_or_an_office_is_no_person(text):
    assert officials(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Head of the Mission, Ambassador Ana Kos, and her deputy, Ivo Danek, visited Vinstad.",
         {"Ana Kos": ["Head of the Mission", "Ambassador"], "Ivo Danek": ["deputy"]}),
        # A body's name after the title in its bracket is part of it, as a country's is.
        ("The panel heard Ana Kos (Director, Vinstad Legal Aid Foundation) and Ivo Danek (Adviser, ODIHR).",
         {"Ana Kos": ["Director, Vinstad Legal Aid Foundation"], "Ivo Danek": ["Adviser, ODIHR"]}),
        ("Ivo Danek, who chairs the Informal Working Group on Youth, presented its report.",
         {"Ivo Danek": ["chairs the Informal Working Group on Youth"]}),
    ],
)
def test_a_deputy_a_bodys_name_in_brackets_and_a_working_group_chair(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lena Varga chaired the session. Varga, the President of the Judges' Association, called for reform.",
         {"Lena Varga": ["President of the Judges' Association"]}),
        ("Ivo Danek opened the prison. Danek, who heads the Prison Administration, said so.",
         {"Ivo Danek": ["heads the Prison Administration"]}),
        # A word before a comma that no full name of the text ends with is nobody.
        ("In Vinstad, the Head of Mission met the students.", {}),
    ],
)
def test_a_surname_alone_before_its_title_is_the_person_the_text_names_in_full(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The party's spokesperson, Ana Kos, said the vote was fair.", {"Ana Kos": ["party's spokesperson"]}),
        ("Major General Ivo Danek of the Russian Federation briefed the Forum.",
         {"Ivo Danek": ["Major General", "Major General of the Russian Federation"]}),
        ("Ana Kos was sworn in as Mayor of Vinstad on Monday.", {"Ana Kos": ["Mayor of Vinstad"]}),
        ("The Assembly elected Ivo Danek as its Treasurer.", {"Ivo Danek": ["Treasurer"]}),
        ("Ruritanian parliamentarian Lena Varga visited the centre.", {"Lena Varga": ["Ruritanian parliamentarian"]}),
    ],
)
def test_possessive_offices_countries_with_the_oaths_and_parliamentarians(text, expected):
    assert officials(text) == expected


def test_a_surname_that_a_large_city_bears_after_a_given_name_is_a_surname():
    assert officials("The Head of the Office, Ambassador Thorsten Bielefeld, opened it.") == {
        "Thorsten Bielefeld": ["Head of the Office", "Ambassador"]}


def test_a_motor_vessel_named_after_a_princess_is_no_official():
    assert officials("Divers inspected the wreck of the MV Princess Elena near the coast.") == {}


def test_the_subjects_of_ministries_are_no_names():
    assert officials("Ruritanian Minister of Emergency Situations Erkin Tashev welcomed the donation.") == {
        "Erkin Tashev": ["Ruritanian Minister of Emergency Situations"]}


def test_a_name_after_a_title_and_before_where_it_was_is_found():
    # A given name the lexicon lacks: the name is the words after the title's last word.
    assert officials("The Mission met Speaker of the National Assembly Zhyldyz Umetova in Vinstad.") == {
        "Zhyldyz Umetova": ["Speaker of the National Assembly"]}
