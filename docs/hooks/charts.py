"""Draw the site's charts from the article's knowledge base, on every build.

A MkDocs hook (see ``hooks:`` in mkdocs.yml). When the build collects its files,
it draws three SVG charts with matplotlib from ``aiecosys.load_article()`` and
adds them to the site as generated files, so nothing is written into docs/.
On each page, a ``<!-- chart: NAME -->`` comment becomes a figure with the
chart, its alt text and a caption naming its data and its sources.

1. ``funding``: the article's funding rounds in US dollars at the article's
   publication date, converted with `Money.to`, each bar labelled with its
   original amount, currency and date.
2. ``model-sizes``: model sizes on a log scale, ranges drawn as ranges.
3. ``timeline``: the article's events, partial dates drawn as spans.

Each build draws the charts in its own language (the i18n plugin builds the
site once in English, once in French): ``NAME.svg`` in English,
``NAME.fr.svg`` in French, with French titles, labels, captions and numbers
(Babel's French formats). The words are in ``TEXTS``, a template with named
fields per language; aiecosys's own texts (estimates, dates) come in the
language of ``aiecosys.language``.
"""

# ruff: noqa: INP001

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, cast

import matplotlib as mpl


mpl.use("Agg")

import matplotlib.pyplot as plt
from babel.dates import format_date
from babel.numbers import format_decimal
from matplotlib import dates as mdates
from matplotlib import patches, ticker
from matplotlib.figure import Figure
from mkdocs.plugins import event_priority

from aiecosys import (
    Article,
    Estimate,
    Money,
    PartialDate,
    Period,
    Publication,
    Quantity,
    Source,
    Status,
    language,
    load_article,
)
from aiecosys._i18n import current
from aiecosys._readable import readable_exact
from aiecosys.claims._context import semicolon_list


CHART_DIR = "assets/charts"
MARKER = re.compile(r"<!--\s*chart:\s*([a-z-]+)\s*-->")
CURRENCY = "USD"
COLOURS = {
    Status.DISCLOSED: "#1f6f8b",
    Status.REPORTED: "#5aa469",
    Status.ESTIMATED: "#d6a019",
    Status.RUMOURED: "#c0504d",
    Status.UNDISCLOSED: "#9e9e9e",
}
INK = "#222222"
LANES = ("OpenAI", "Meta", "01.AI", "Mistral AI", "Kyutai")
LANE_GAP = 1.6
RECENT = (dt.date(2022, 10, 1), dt.date(2024, 11, 1))
LANGUAGES = ("en", "fr")

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "undisclosed round": "{organisation}, round of {when}\nundisclosed",
        "amount not disclosed": "  amount not disclosed",
        "undisclosed alt": "{organisation} ({when}): undisclosed",
        "range of money": "{low} to {high}",
        "round label": "{organisation}, {kind}\n{original}, {when}",
        "round alt": "{organisation} {kind} ({original}, {when}): {shown}",
        "funding axis": "US dollars (millions), at the ECB rate of {on}",
        "funding title": "Funding rounds in the article's knowledge base",
        "rate": "1 {currency} = {rate} {target}",
        "funding caption": (
            "Funding rounds of the article's organisations, in US dollars at the "
            "European Central Bank's reference rate of {on}, the month "
            "the article was published ({rates}); each bar is labelled with "
            "its amount in its original currency and its date, a range is drawn "
            "with its bounds, and colours give each amount's status. Data: the "
            "funding rounds of the article's knowledge base, converted with "
            "<code>Money.to</code>. Sources: {sources}; rates: ECB "
            "euro reference rates."
        ),
        "funding alt": (
            "Horizontal bar chart of funding rounds in US dollars at the rate of "
            "{on}: {parts}."
        ),
        "size not disclosed": "size not disclosed",
        "model undisclosed alt": "{model}: not disclosed",
        "model alt": "{model}: {size}",
        "sizes axis": "parameters (log scale)",
        "sizes title": "Model sizes in the article's knowledge base",
        "sizes caption": (
            "Sizes of the article's models, in parameters on a log scale. "
            "GPT-4's size was never disclosed: it is drawn as the range of published "
            "estimates (1 to 1.8 trillion), not as a point; an arrow marks a lower "
            "bound, and colours give each size's status. Data: the models of the "
            "article's knowledge base. Sources: {sources}."
        ),
        "sizes alt": (
            "Chart of model sizes in parameters on a logarithmic scale: {parts}."
        ),
        "billions": "{number}B",
        "trillions": "{number}T",
        "size range": "{low} to {high}",
        "at least": "at least {size}",
        "at most": "at most {size}",
        "unknown": "unknown",
        "role alt": "Kai-Fu Lee at {organisation}, {start} to {until}",
        "on": "on",
        "career title": "Kai-Fu Lee's career",
        "founded": "founded",
        "round event": "{kind} round",
        "event alt": "{organisation}: {events}, {date}",
        "the article": " the article",
        "recent title": "Organisations, models and funding, late 2022 to 2024",
        "timeline caption": (
            "Top: Kai-Fu Lee's roles, from Apple to 01.AI. Bottom: when the "
            "article's organisations were founded, raised money and released "
            "models, from late 2022 to 2024; a date known only to the month or the "
            "year is drawn as a grey span with its middle marked, and the dashed "
            "line and the red span are when the article was published "
            "({published}). Data: the "
            "people, organisations, funding rounds and models of the article's "
            "knowledge base. Sources: {sources}."
        ),
        "timeline alt": "Timeline. {parts}.",
    },
    "fr": {
        "undisclosed round": "{organisation}, tour de {when}\nnon divulgué",
        "amount not disclosed": "  montant non divulgué",
        "undisclosed alt": "{organisation} ({when})\u00a0: non divulgué",
        "range of money": "de {low} à {high}",
        "round label": "{organisation}, {kind}\n{original}, {when}",
        "round alt": "{organisation}, {kind} ({original}, {when})\u00a0: {shown}",
        "funding axis": "Millions de dollars américains, au taux de la BCE du {on}",
        "funding title": "Les tours de financement de la base de connaissances",
        "rate": "1\u00a0{currency} = {rate}\u00a0{target}",
        "funding caption": (
            "Les tours de financement des organisations de l'article, en dollars "
            "américains au taux de référence de la Banque centrale européenne du "
            "{on}, le mois de la publication de l'article ({rates})\u00a0; chaque "
            "barre porte le montant dans sa devise d'origine et sa date, un "
            "intervalle est tracé avec ses bornes, et les couleurs donnent le "
            "statut de chaque montant. Données\u00a0: les tours de financement de "
            "la base de connaissances de l'article, convertis avec "
            "<code>Money.to</code>. Sources\u00a0: {sources}\u00a0; taux\u00a0: "
            "taux de référence de l'euro de la BCE."
        ),
        "funding alt": (
            "Diagramme en barres horizontales des tours de financement, en dollars "
            "américains au taux du {on}\u00a0: {parts}."
        ),
        "size not disclosed": "taille non divulguée",
        "model undisclosed alt": "{model}\u00a0: non divulguée",
        "model alt": "{model}\u00a0: {size}",
        "sizes axis": "paramètres (échelle logarithmique)",
        "sizes title": "La taille des modèles de la base de connaissances",
        "sizes caption": (
            "La taille des modèles de l'article, en paramètres sur une échelle "
            "logarithmique. Celle de GPT-4 n'a jamais été divulguée\u00a0: elle est "
            "tracée comme l'intervalle des estimations publiées (de 1\u202f000 à "
            "1\u202f800\u00a0milliards), non comme un point\u00a0; une flèche "
            "marque une borne inférieure, et les couleurs donnent le statut de "
            "chaque taille. Données\u00a0: les modèles de la base de connaissances "
            "de l'article. Sources\u00a0: {sources}."
        ),
        "sizes alt": (
            "Graphique de la taille des modèles, en paramètres sur une échelle "
            "logarithmique\u00a0: {parts}."
        ),
        "billions": "{number}\u00a0Md",
        "size range": "de {low} à {high}",
        "at least": "au moins {size}",
        "at most": "au plus {size}",
        "unknown": "inconnue",
        "role alt": "Kai-Fu Lee chez {organisation}, de {start} à {until}",
        "on": "aujourd'hui",
        "career title": "La carrière de Kai-Fu Lee",
        "founded": "fondation",
        "round event": "{kind}",
        "event alt": "{organisation}\u00a0: {events}, {date}",
        "the article": " l'article",
        "recent title": "Organisations, modèles et financements, fin 2022 à 2024",
        "timeline caption": (
            "En haut\u00a0: les fonctions de Kai-Fu Lee, d'Apple à 01.AI. "
            "En bas\u00a0: quand les organisations de l'article ont été fondées, ont "
            "levé des fonds et publié des modèles, de fin 2022 à 2024\u00a0; une "
            "date connue seulement au mois ou à l'année est tracée comme une "
            "plage grise dont le milieu est marqué, et la ligne en tirets et la "
            "plage rouge indiquent la publication de l'article ({published}). "
            "Données\u00a0: les personnes, organisations, tours de financement et "
            "modèles de la base de connaissances de l'article. "
            "Sources\u00a0: {sources}."
        ),
        "timeline alt": "Chronologie. {parts}.",
    },
}
"""The charts' words, by language: templates with named fields."""

STATUS_WORDS: dict[str, dict[Status, str]] = {
    "fr": {
        Status.DISCLOSED: "divulgué",
        Status.REPORTED: "rapporté",
        Status.ESTIMATED: "estimé",
        Status.RUMOURED: "selon des rumeurs",
        Status.UNDISCLOSED: "non divulgué",
    },
}
ROUND_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "pre-seed": "pré-amorçage",
        "seed": "tour d'amorçage",
        "series-a": "série A",
        "series-b": "série B",
        "series-c": "série C",
        "series-d": "série D",
        "series-e": "série E",
        "strategic": "tour stratégique",
        "grant": "subvention",
        "endowment": "dotation",
        "donation": "don",
        "debt": "dette",
        "undisclosed": "tour non divulgué",
    },
}
"""The kinds of funding rounds, by language (English writes the kind's value)."""


def _t(key: str, **fields: object) -> str:
    """The chart text *key* in the current language, its fields filled in."""
    return TEXTS[current()][key].format(**fields)


def _status(status: Status) -> str:
    return STATUS_WORDS.get(current(), {}).get(status, status.value)


def _kind(kind: str) -> str:
    return ROUND_WORDS.get(current(), {}).get(kind, kind)


def _number(value: float | Decimal, pattern: str = "#,##0") -> str:
    """*value* written as the current language writes numbers (Babel's formats)."""
    return format_decimal(value, format=pattern, locale=current())


def _day(day: dt.date) -> str:
    """A day: ISO 8601 in English, ``1 janvier 2024`` in French."""
    if current() == "en":
        return day.isoformat()
    return format_date(day, "d MMMM y", locale=current())


class Chart:
    """One chart: its SVG, its alt text and its caption."""

    def __init__(self, name: str, svg: str, alt: str, caption: str) -> None:
        self.name = name
        self.svg = svg
        self.alt = alt
        self.caption = caption
        self.lang = current()

    @property
    def path(self) -> str:
        """The chart's file in the site: ``NAME.svg``, in French ``NAME.fr.svg``."""
        suffix = "" if self.lang == "en" else f".{self.lang}"
        return f"{CHART_DIR}/{self.name}{suffix}.svg"

    def figure_html(self, page_depth: int) -> str:
        """Return the <figure> that shows the chart on a page."""
        src = "../" * page_depth + self.path
        return (
            f'<figure class="aiecosys-chart" id="chart-{self.name}">\n'
            f'<a href="{src}"><img src="{src}" alt="{html.escape(self.alt)}"></a>\n'
            f"<figcaption>{self.caption}</figcaption>\n"
            "</figure>"
        )


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    return buffer.getvalue()


def _style() -> None:
    mpl.rcParams.update(
        {
            "svg.fonttype": "path",
            "svg.hashsalt": "aiecosys",
            "font.size": 10,
            "axes.edgecolor": "#888888",
            "axes.labelcolor": INK,
            "text.color": INK,
            "xtick.color": INK,
            "ytick.color": INK,
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def _published(article: Article) -> PartialDate | Period:
    """The article's publication date, or the range it lies in (both ends known)."""
    source = article.source
    published = (
        source.publication_date if isinstance(source, Publication) else source.published
    )
    if published is None or published.first is None or published.last is None:
        raise ValueError("the article's source has no publication date")
    return published


def _first_day(article: Article) -> dt.date:
    """The first day the article may have been published: money is converted then."""
    return cast("dt.date", _published(article).first)


def _publishers(sources: Iterable[Source]) -> str:
    names: list[str] = []
    for source in sources:
        name = source.publisher or source.title
        if name not in names:
            names.append(name)
    return ", ".join(html.escape(name) for name in sorted(names, key=str.casefold))


def _short_money(amount: Money) -> str:
    millions = amount.amount / Decimal(1_000_000)
    if current() == "en":
        return f"{millions:,.0f} M {amount.currency}"
    return f"{_number(millions)}\u00a0M\u00a0{amount.currency}"


def _millions(estimate: Estimate[Any], on: dt.date) -> tuple[float, float, float]:
    """Low, high and most likely value of a money estimate, in USD millions."""

    def convert(value: Money) -> float:
        return float(value.to(CURRENCY, on=on).amount / Decimal(1_000_000))

    low, high = estimate.low, estimate.high
    if low is None or high is None:
        raise ValueError(f"{estimate} has no bounds to draw")
    best = convert(estimate.best) if estimate.best is not None else convert(high)
    return convert(low), convert(high), best


def funding_chart(article: Article) -> Chart:
    """Bars of the article's funding rounds in USD at the publication date."""
    eco = article.ecosystem
    on = _first_day(article)
    rounds = sorted(eco.rounds, key=lambda r: (r.organisation, r.announced.first))
    figure, axes = plt.subplots(figsize=(8, 0.55 * len(rounds) + 1.4))
    labels: list[str] = []
    rates: dict[str, Decimal] = {}
    alt_parts: list[str] = []
    largest = 0.0
    for row, funding_round in enumerate(rounds):
        amount = funding_round.amount
        when = funding_round.announced
        kind = _kind(funding_round.kind.value)
        organisation = funding_round.organisation
        if amount.low is None or amount.high is None:
            labels.append(_t("undisclosed round", organisation=organisation, when=when))
            axes.text(0, row, _t("amount not disclosed"), va="center", color="#666666")
            alt_parts.append(
                _t("undisclosed alt", organisation=organisation, when=when)
            )
            continue
        low, high, best = _millions(amount, on)
        largest = max(largest, high)
        for value in (amount.low, amount.high):
            conversion = value.to(CURRENCY, on=on).conversion
            if conversion is not None:
                rates[value.currency] = conversion.rate
        colour = COLOURS[amount.status]
        original = _short_money(amount.low)
        if not amount.is_exact:
            original = _t(
                "range of money",
                low=original[: -len(amount.low.currency) - 3],
                high=_short_money(amount.high),
            )
        labels.append(
            _t(
                "round label",
                organisation=organisation,
                kind=kind,
                original=original,
                when=when,
            )
        )
        axes.barh(row, best, color=colour, height=0.6)
        if low != high:
            axes.errorbar(
                best, row, xerr=[[best - low], [high - best]], color=INK, capsize=4
            )
        shown = (
            _dollars(low)
            if low == high
            else _t("range of money", low=_dollars(low), high=_dollars(high))
        )
        # A backslash keeps matplotlib from reading "$...$" as mathematics.
        axes.text(high, row, "  " + shown.replace("$", r"\$"), va="center")
        alt_parts.append(
            _t(
                "round alt",
                organisation=organisation,
                kind=kind,
                original=original,
                when=when,
                shown=shown,
            )
        )
    axes.set_yticks(range(len(rounds)), labels)
    axes.invert_yaxis()
    axes.set_xlim(0, largest * 1.45)
    axes.xaxis.set_major_formatter(
        ticker.FuncFormatter(lambda value, _: _number(value))
    )
    axes.set_xlabel(_t("funding axis", on=_day(on)))
    axes.set_title(_t("funding title"), loc="left")
    _status_legend(axes, {r.amount.status for r in rounds}, "upper right")
    figure.tight_layout()
    rate_text = semicolon_list(
        _t("rate", currency=currency, rate=readable_exact(rate), target=CURRENCY)
        for currency, rate in sorted(rates.items())
    )
    sources = [s for r in rounds for s in r.sources]
    caption = _t(
        "funding caption",
        on=_day(on),
        rates=rate_text,
        sources=_publishers(sources),
    )
    alt = _t("funding alt", on=_day(on), parts=semicolon_list(alt_parts))
    return Chart("funding", _svg(figure), alt, caption)


def _dollars(millions: float) -> str:
    """An amount in millions of US dollars: ``$385M``, ``385 M$``."""
    if current() == "en":
        return f"${millions:,.0f}M"
    return f"{_number(millions)}\u00a0M$"


def _status_legend(
    axes: Any, statuses: Iterable[Status], where: str = "lower right"
) -> None:
    handles = [
        patches.Patch(color=COLOURS[status], label=_status(status))
        for status in Status
        if status in set(statuses)
    ]
    axes.legend(handles=handles, loc=where, frameon=True, fontsize=9)


def _params(value: Quantity | None) -> float | None:
    if value is None:
        return None
    return float(value.to("parameter").magnitude)


def model_chart(article: Article) -> Chart:
    """Model sizes on a log scale; a range is a bar, an unknown is said so."""
    models = article.ecosystem.models

    def size_key(model: Any) -> float:
        estimate = model.parameters
        known = _params(estimate.best) or _params(estimate.low)
        return known or 0.0

    ordered = sorted(models, key=size_key)
    figure, axes = plt.subplots(figsize=(8, 0.42 * len(ordered) + 1.4))
    axes.set_xscale("log")
    axes.set_xlim(1e9, 1e13)
    alt_parts: list[str] = []
    for row, model in enumerate(ordered):
        estimate = model.parameters
        low, high = _params(estimate.low), _params(estimate.high)
        colour = COLOURS[estimate.status]
        text = (
            str(estimate).replace(" parameter", "")
            if current() == "en"
            else f"{_size_words(estimate)} ({_status(estimate.status)})"
        )
        if low is None and high is None:
            axes.text(
                1.3e9, row, _t("size not disclosed"), va="center", color="#666666"
            )
            alt_parts.append(_t("model undisclosed alt", model=model.name))
            continue
        if low is not None and high is not None and low != high:
            axes.plot(
                [low, high],
                [row, row],
                color=colour,
                linewidth=7,
                solid_capstyle="butt",
            )
            axes.text(high * 1.15, row, _size_words(estimate), va="center")
        elif low is not None and high is None:
            axes.plot(low, row, "o", color=colour)
            axes.annotate(
                "",
                xy=(low * 3, row),
                xytext=(low, row),
                arrowprops={"arrowstyle": "->", "color": colour},
            )
            axes.text(low * 3.3, row, _size_words(estimate), va="center")
        else:
            value = low if low is not None else high or 0.0
            axes.plot(value, row, "o", color=colour)
            axes.text(value * 1.15, row, _size_words(estimate), va="center")
        alt_parts.append(_t("model alt", model=model.name, size=text))
    axes.set_yticks(range(len(ordered)), [m.name for m in ordered])
    axes.xaxis.set_major_formatter(ticker.FuncFormatter(lambda value, _: _words(value)))
    axes.set_xlabel(_t("sizes axis"))
    axes.set_title(_t("sizes title"), loc="left")
    axes.grid(axis="x", which="major", color="#dddddd")
    axes.set_axisbelow(True)
    _status_legend(axes, {m.parameters.status for m in ordered})
    figure.tight_layout()
    sources = [s for m in ordered for s in (*m.sources, *m.parameters.sources)]
    caption = _t("sizes caption", sources=_publishers(sources))
    alt = _t("sizes alt", parts=semicolon_list(alt_parts))
    return Chart("model-sizes", _svg(figure), alt, caption)


def _words(value: float) -> str:
    """A model size: ``34B``, ``1.8T``; ``34 Md``, ``1 800 Md`` in French."""
    if current() == "en":
        if value >= 1e12:  # noqa: PLR2004
            return _t("trillions", number=f"{value / 1e12:g}")
        return _t("billions", number=f"{value / 1e9:g}")
    return _t("billions", number=_number(value / 1e9, "#,##0.##"))


def _size_words(estimate: Estimate[Any]) -> str:
    words = _words
    low, high = _params(estimate.low), _params(estimate.high)
    if low is not None and high is not None and low != high:
        return _t("size range", low=words(low), high=words(high))
    if low is not None and high is None:
        return _t("at least", size=words(low))
    if low is None and high is not None:
        return _t("at most", size=words(high))
    return words(low) if low is not None else _t("unknown")


def _num(day: dt.date) -> float:
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _career(
    axes: Any, article: Article, alt_parts: list[str], sources: list[Source]
) -> None:
    """Bars of Kai-Fu Lee's roles, from their start to their end."""
    person = article.ecosystem.person("Kai-Fu Lee")
    last = cast("dt.date", _published(article).last)
    for row, role in enumerate(person.roles):
        if role.start is None:
            continue
        start = role.start.first
        end = role.end.last if role.end is not None else last
        axes.barh(
            row,
            _num(end) - _num(start),
            left=_num(start),
            height=0.55,
            color=COLOURS[Status.DISCLOSED],
        )
        axes.text(_num(end) + 120, row, role.organisation, va="center", fontsize=9)
        until = str(role.end) if role.end is not None else _t("on")
        alt_parts.append(
            _t(
                "role alt",
                organisation=role.organisation,
                start=role.start,
                until=until,
            )
        )
        sources += role.sources
    axes.set_yticks([])
    axes.invert_yaxis()
    axes.set_xlim(_num(dt.date(1989, 1, 1)), _num(dt.date(2027, 6, 30)))
    axes.xaxis.set_major_locator(mdates.YearLocator(5))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    axes.spines["left"].set_visible(False)
    axes.set_title(_t("career title"), loc="left")


def _events(
    article: Article, name: str, sources: list[Source]
) -> list[tuple[PartialDate, str]]:
    """An organisation's dated events in the recent window, same dates merged."""
    eco = article.ecosystem
    events: list[tuple[PartialDate, str]] = []
    organisation = eco.organisation(name)
    if organisation.founded is not None:
        events.append((organisation.founded, _t("founded")))
        sources += organisation.sources
    for funding_round in eco.rounds_of(name):
        kind = _kind(funding_round.kind.value)
        events.append((funding_round.announced, _t("round event", kind=kind)))
        sources += funding_round.sources
    for model in eco.models_of(name):
        if model.released is not None:
            events.append((model.released, model.name))
            sources += model.sources
    merged: dict[PartialDate, list[str]] = {}
    for date, label in events:
        if RECENT[0] <= date.first <= RECENT[1]:
            merged.setdefault(date, []).append(label)
    ordered = sorted(merged.items(), key=lambda event: event[0].first)
    return [(date, "\n".join(labels)) for date, labels in ordered]


def _recent(
    axes: Any, article: Article, alt_parts: list[str], sources: list[Source]
) -> None:
    """One lane per organisation; partial dates as grey spans."""
    for number_of_lane, name in enumerate(LANES):
        lane = number_of_lane * LANE_GAP
        for number, (date, label) in enumerate(_events(article, name, sources)):
            first, final = date.first, date.last
            middle = _num(first) + (_num(final) - _num(first)) / 2
            if first != final:
                axes.plot(
                    [_num(first), _num(final)],
                    [lane, lane],
                    color="#bbbbbb",
                    linewidth=5,
                    solid_capstyle="butt",
                )
            axes.plot(middle, lane, "o", color=COLOURS[Status.DISCLOSED])
            offset = (0.25, -0.25, 0.62, -0.62)[number % 4]
            axes.plot(
                [middle, middle],
                [lane, lane + offset * 0.8],
                color="#bbbbbb",
                linewidth=0.8,
            )
            axes.text(
                middle,
                lane + offset,
                label,
                ha="center",
                va="bottom" if offset > 0 else "top",
                fontsize=8,
                linespacing=1.0,
            )
            alt_parts.append(
                _t(
                    "event alt",
                    organisation=name,
                    events=label.replace(chr(10), ", "),
                    date=date,
                )
            )
    published = _published(article)
    first = _first_day(article)
    last = cast("dt.date", published.last)
    axes.axvline(_num(first), color="#c0504d", linestyle="--")
    if last != first:
        axes.axvspan(_num(first), _num(last), color="#c0504d", alpha=0.12)
    top = (len(LANES) - 1) * LANE_GAP + 1
    axes.text(_num(first), top - 0.2, _t("the article"), color="#c0504d", fontsize=9)
    axes.set_yticks([n * LANE_GAP for n in range(len(LANES))], LANES)
    axes.set_ylim(-1, top)
    axes.set_xlim(_num(RECENT[0]), _num(RECENT[1]))
    axes.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(ticker.FuncFormatter(_month))
    axes.set_title(_t("recent title"), loc="left")
    axes.grid(axis="x", color="#eeeeee")
    axes.set_axisbelow(True)


def _month(value: float, _: object = None) -> str:
    """A tick of the timeline: the month's abbreviation, then the year."""
    day: dt.date = mdates.num2date(value).date()  # type: ignore[no-untyped-call]
    if current() == "en":
        return day.strftime("%b\n%Y")
    return format_date(day, "MMM\ny", locale=current())


def timeline_chart(article: Article) -> Chart:
    """Kai-Fu Lee's career, then the events of 2022-2024, lane by organisation."""
    figure, (career, recent) = plt.subplots(
        2, 1, figsize=(8, 9), gridspec_kw={"height_ratios": [1, 3]}
    )
    alt_parts: list[str] = []
    sources: list[Source] = []
    _career(career, article, alt_parts, sources)
    _recent(recent, article, alt_parts, sources)
    figure.tight_layout()
    caption = _t(
        "timeline caption",
        published=_published(article),
        sources=_publishers(sources),
    )
    alt = _t("timeline alt", parts=semicolon_list(alt_parts))
    return Chart("timeline", _svg(figure), alt, caption)


def draw(lang: str = "en") -> dict[str, Chart]:
    """Draw every chart in *lang*'s words and number formats, by name."""
    _style()
    article = load_article()
    with language(lang):
        charts = (
            funding_chart(article),
            model_chart(article),
            timeline_chart(article),
        )
    return {chart.name: chart for chart in charts}


_CHARTS: dict[str, Chart] = {}


def _building(config: Any) -> str:
    """The language of the build under way: the i18n plugin builds one at a time."""
    plugin = config.plugins.get("i18n")
    lang = getattr(plugin, "current_language", None) or "en"
    return lang if lang in LANGUAGES else "en"


@event_priority(-200)  # after the i18n plugin, which sorts the files by language
def on_files(files: Any, config: Any) -> Any:
    """Draw the charts in the build's language; add them to the site's files."""
    from mkdocs.structure.files import File

    _CHARTS.clear()
    _CHARTS.update(draw(_building(config)))
    for chart in _CHARTS.values():
        files.append(File.generated(config, chart.path, content=chart.svg))
    return files


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Replace each ``<!-- chart: NAME -->`` with the chart's figure."""
    depth = page.url.count("/")

    def figure(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in _CHARTS:
            raise KeyError(f"{page.file.src_uri}: no chart named {name!r}")
        return _CHARTS[name].figure_html(depth)

    return MARKER.sub(figure, markdown)
