"""The built site in a real browser: pages, search, charts, the verdict table.

The site is built in English (at the root) and in French (under ``fr/``):
both are loaded, and the language switcher leads from one to the other.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import (
    ConsoleMessage,
    Page,
    Request,
    Route,
    ViewportSize,
    expect,
)

from aiecosys import load_article


pytestmark = pytest.mark.browser

SITE_DIR = Path(__file__).resolve().parents[2] / "site"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
PHONE = ViewportSize(width=390, height=844)
DESKTOP = ViewportSize(width=1280, height=900)


def _sitemap_probe(url: str) -> bool:
    """Whether *url* is Material's probe for a sitemap beside a language's page.

    Material for MkDocs looks for ``sitemap.xml`` under each ``<link
    rel="alternate">`` of a page, as if each language were a site of its own;
    mkdocs-static-i18n links the page's translation there and writes one
    sitemap, at the root. Material takes a missing one for an empty one, and
    the language switcher's links go to the translated page all the same.
    """
    path = urlsplit(url).path
    return path.endswith("/sitemap.xml") and path != "/sitemap.xml"


class Watch:
    """Console errors, uncaught exceptions, failed and outside requests of a page."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.route("**/*", self._route)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not _sitemap_probe(message.location["url"]):
            self.errors.append(f"console: {message.text}")

    def _failed(self, request: Request) -> None:
        aborted_by_navigation = request.failure == "net::ERR_ABORTED"
        if urlsplit(request.url).hostname in LOOPBACK and not aborted_by_navigation:
            self.errors.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response: object) -> None:
        status = getattr(response, "status", 200)
        if status >= 400 and not _sitemap_probe(getattr(response, "url", "")):
            self.errors.append(f"HTTP {status}: {getattr(response, 'url', '')}")

    def _route(self, route: Route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and (
            urlsplit(url).hostname not in LOOPBACK
        ):
            self.outside.append(url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture
def watched(page: Page) -> tuple[Page, Watch]:
    """A page whose requests outside loopback are recorded and blocked."""
    return page, Watch(page)


def _pages(site_url: str) -> list[str]:
    """Every page of the sitemap, on the test server."""
    tree = ET.parse(SITE_DIR / "sitemap.xml")  # noqa: S314 (our own build's file)
    urls = [loc.text or "" for loc in tree.iter(f"{SITEMAP}loc")]
    return [site_url + urlsplit(url).path.lstrip("/") for url in urls]


def test_every_page_loads_cleanly(watched: tuple[Page, Watch], site_url: str) -> None:
    """Each page in the sitemap loads with no console error and stays on loopback."""
    page, watch = watched
    pages = _pages(site_url)

    for url in pages:
        response = page.goto(url, wait_until="load")
        assert response is not None
        assert response.ok, url
        expect(page.locator("article h1").first).to_be_visible()

    assert len(pages) >= 30
    assert [] == watch.errors
    assert [] == watch.outside


def _navigation(page: Page, url: str) -> set[str]:
    """The pages the primary navigation links, on the page at *url*."""
    page.goto(url)
    hrefs = page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)"
    )
    return {href.split("#")[0] for href in hrefs}


def _english(pages: list[str], site_url: str) -> list[str]:
    return [url for url in pages if not url.startswith(site_url + "fr/")]


def test_the_navigation_reaches_every_page(page: Page, site_url: str) -> None:
    """The English navigation links every English page of the sitemap."""
    in_nav = _navigation(page, site_url)

    assert set(_english(_pages(site_url), site_url)) <= in_nav | {site_url}


FRENCH_PAGES = [
    "fr/tutorial/check-your-own-article/",
    "fr/article/",
    "fr/article/kai-fu-lee/",
    "fr/article/sinovation/",
    "fr/article/01-ai-and-yi/",
    "fr/article/mistral-and-kyutai/",
    "fr/article/comparisons/",
    "fr/charts/",
]
"""The pages written in French (besides the home page)."""


def test_the_french_navigation_lists_the_french_pages(
    page: Page, site_url: str
) -> None:
    """The French navigation: the French pages, the API reference, the credits.

    The English-only tutorials, how-to guides and explanations are built under
    fr/ (links to them work) but are not listed.
    """
    in_nav = _navigation(page, site_url + "fr/")
    listed = {url.removeprefix(site_url) for url in in_nav}

    assert set(FRENCH_PAGES) <= listed
    assert {"fr/reference/", "fr/reference/money/", "fr/credits/"} <= listed
    assert all(url.startswith("fr/") for url in listed), listed
    assert not [
        url
        for url in listed
        if url.startswith(("fr/how-to/", "fr/explanation/"))
        or (url.startswith("fr/tutorial/") and url not in FRENCH_PAGES)
    ]


@pytest.mark.parametrize("path", ["", *FRENCH_PAGES[:2], "fr/charts/"])
def test_french_pages_are_in_french(
    watched: tuple[Page, Watch], site_url: str, path: str
) -> None:
    """Each French page says it is French, and loads cleanly on loopback."""
    page, watch = watched
    url = site_url + (path or "fr/")

    response = page.goto(url, wait_until="load")

    assert response is not None
    assert response.ok, url
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("article h1").first).to_be_visible()
    assert [] == watch.errors
    assert [] == watch.outside


@pytest.mark.parametrize(
    ("path", "other", "lang"),
    [
        ("charts/", "fr/charts/", "fr"),
        ("fr/charts/", "charts/", "en"),
        ("article/comparisons/", "fr/article/comparisons/", "fr"),
        ("fr/", "", "en"),
    ],
)
def test_the_switcher_leads_to_the_other_language(
    page: Page, site_url: str, path: str, other: str, lang: str
) -> None:
    """The language switcher links the same page in the other language."""
    page.goto(site_url + path)
    switch = page.locator(f"a.md-select__link[hreflang='{lang}']")
    expect(switch).to_have_count(1)
    href = switch.get_attribute("href") or ""

    page.goto(urljoin(page.url, href))

    assert site_url + other == page.url
    expect(page.locator("html")).to_have_attribute("lang", lang)


def test_french_article_pages_give_french_verdicts(page: Page, site_url: str) -> None:
    """The French article pages name the verdicts CONFIRMÉ, RÉFUTÉ."""
    page.goto(site_url + "fr/article/comparisons/")
    heading = page.locator("article h2#yi-half-gpt4")

    expect(heading).to_contain_text("RÉFUTÉ")
    page.goto(site_url + "fr/article/")
    table = page.locator("article table").first
    expect(table).to_contain_text("CONFIRMÉ")
    expect(table).to_contain_text("RÉFUTÉ")
    expect(table).not_to_contain_text("SUPPORTED")


@pytest.mark.parametrize(
    ("home", "term", "page_pattern"),
    [
        ("", "Mistral", r"mistral"),
        ("", "Yi-34B", r"yi|model-sizes|comparisons"),
        ("fr/", "Chronologie", r"/fr/charts/"),
    ],
    ids=["Mistral", "Yi-34B", "fr-Chronologie"],
)
def test_search_finds_and_opens(
    watched: tuple[Page, Watch],
    site_url: str,
    home: str,
    term: str,
    page_pattern: str,
) -> None:
    """Typing in the search box lists results; the first one opens its page.

    The French site's search finds the French pages' words.
    """
    page, watch = watched
    page.goto(site_url + home)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(term, delay=30)
    results = page.locator("a.md-search-result__link")
    expect(results.first).to_be_visible()
    target = results.first.get_attribute("href") or ""
    results.first.click()

    expect(page).to_have_url(re.compile(re.escape(target.split("#")[0])))
    expect(page.locator("article")).to_contain_text(term)
    assert re.search(page_pattern, page.url, re.IGNORECASE), page.url
    assert [] == watch.errors
    assert [] == watch.outside


@pytest.mark.parametrize(
    ("path", "svg", "sources"),
    [
        ("charts/", r"/(funding|model-sizes|timeline)\.svg$", "Sources:"),
        ("fr/charts/", r"/(funding|model-sizes|timeline)\.fr\.svg$", "Sources\u00a0:"),
    ],
    ids=["en", "fr"],
)
def test_every_chart_loads_with_alt_text_and_caption(
    watched: tuple[Page, Watch], site_url: str, path: str, svg: str, sources: str
) -> None:
    """Each chart image has a size, alt text, and a caption naming sources.

    The French page shows the charts drawn in French (NAME.fr.svg).
    """
    page, watch = watched
    page.goto(site_url + path)
    figures = page.locator("figure.aiecosys-chart")
    expect(figures).to_have_count(3)

    for index in range(3):
        figure = figures.nth(index)
        image = figure.locator("img")
        image.scroll_into_view_if_needed()
        expect(image).to_have_attribute("alt", re.compile(r".{40,}"))
        expect(image).to_have_attribute("src", re.compile(svg))
        width = image.evaluate("img => img.complete ? img.naturalWidth : 0")
        box = image.bounding_box()
        assert width > 0
        assert box is not None
        assert box["width"] > 0
        assert box["height"] > 0
        expect(figure.locator("figcaption")).to_contain_text(sources)
    assert [] == watch.errors
    assert [] == watch.outside


@pytest.mark.parametrize("path", ["article/", "fr/article/"], ids=["en", "fr"])
def test_the_verdict_table_lists_every_claim(
    page: Page, site_url: str, path: str
) -> None:
    """The table on the article's page has one row per claim, with its verdict."""
    page.goto(site_url + path)
    first_cells = page.locator("article table").first.locator("tbody tr td:first-child")
    listed = first_cells.all_inner_texts()

    assert [claim.id for claim in load_article().claims] == [t.strip() for t in listed]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(
    "path",
    ["", "article/", "charts/", "fr/", "fr/article/"],
    ids=["home", "article", "charts", "fr-home", "fr-article"],
)
def test_screenshots(
    page: Page,
    site_url: str,
    artifacts: Path,
    viewport: ViewportSize,
    path: str,
) -> None:
    """Keep screenshots for review; on a phone, nothing overflows sideways."""
    page.set_viewport_size(viewport)
    page.goto(site_url + path, wait_until="load")
    name = (path.strip("/").replace("/", "-") or "home") + f"-{viewport['width']}px.png"
    page.screenshot(path=str(artifacts / name), full_page=True)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )

    assert (artifacts / name).stat().st_size > 0
    assert overflow <= 0
