from osce_scraper.pages.html import page_selector, visible_lines


def texts(html: str) -> list[str]:
    return [line.text for line in visible_lines(page_selector(html), "https://www.osce.org/")]


def test_navigation_scripts_and_page_footer_are_not_read():
    html = "<nav>Menu</nav><header>Logo</header><script>x=1</script><p>Body</p><footer>©</footer>"
    assert texts(html) == ["Body"]


def test_header_inside_the_article_is_read():
    assert texts("<article><header><h1>Title</h1></header><p>Body</p></article>") == ["Title", "Body"]


def test_inline_elements_join_and_blocks_split():
    assert texts("<p><strong>Place:</strong> <a href='/x'>VIENNA</a></p><div>next</div>") == ["Place: VIENNA", "next"]


def test_line_breaks_split_lines():
    assert texts("<td>A<br>B</td>") == ["A", "B"]


def test_links_are_absolute():
    lines = visible_lines(page_selector("<p><a href='/cio/49486'>T</a></p>"), "https://www.osce.org/press-releases")
    assert lines[0].links[0].url == "https://www.osce.org/cio/49486"


def test_empty_and_binary_pages_give_no_lines():
    assert texts("") == []
    lines = texts(b"\x00\x01\xff\xfe binary")
    assert len(lines) <= 1 and all("binary" in line for line in lines)


def test_deeply_nested_markup_is_read_without_recursion_errors():
    html = "<div>" * 5000 + "<p>Deep</p>" + "</div>" * 5000
    assert "Deep" in texts(html)


def test_words_beside_a_hidden_box_stay_two_words_and_beside_a_script_one():
    lines = visible_lines(page_selector("<p>Share<button>Post</button>E-mail</p><p>OSCE<script>x()</script>'s</p>"))
    assert [line.text for line in lines] == ["Share E-mail", "OSCE's"]
