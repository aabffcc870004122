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
from matplotlib import dates as mdates
from matplotlib import patches, ticker
from matplotlib.figure import Figure

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
    load_article,
)


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


class Chart:
    """One chart: its SVG, its alt text and its caption."""

    def __init__(self, name: str, svg: str, alt: str, caption: str) -> None:
        self.name = name
        self.svg = svg
        self.alt = alt
        self.caption = caption

    def figure_html(self, page_depth: int) -> str:
        """Return the <figure> that shows the chart on a page."""
        src = "../" * page_depth + f"{CHART_DIR}/{self.name}.svg"
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
    return f"{millions:,.0f} M {amount.currency}"


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
        kind = funding_round.kind.value
        if amount.low is None or amount.high is None:
            labels.append(f"{funding_round.organisation}, round of {when}\nundisclosed")
            axes.text(0, row, "  amount not disclosed", va="center", color="#666666")
            alt_parts.append(f"{funding_round.organisation} ({when}): undisclosed")
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
            original = f"{original[: -len(amount.low.currency) - 3]} to " + (
                _short_money(amount.high)
            )
        labels.append(f"{funding_round.organisation}, {kind}\n{original}, {when}")
        axes.barh(row, best, color=colour, height=0.6)
        if low != high:
            axes.errorbar(
                best, row, xerr=[[best - low], [high - best]], color=INK, capsize=4
            )
        shown = f"${low:,.0f}M" if low == high else f"${low:,.0f}M to ${high:,.0f}M"
        # A backslash keeps matplotlib from reading "$...$" as mathematics.
        axes.text(high, row, "  " + shown.replace("$", r"\$"), va="center")
        alt_parts.append(
            f"{funding_round.organisation} {kind} ({original}, {when}): {shown}"
        )
    axes.set_yticks(range(len(rounds)), labels)
    axes.invert_yaxis()
    axes.set_xlim(0, largest * 1.45)
    axes.set_xlabel(f"US dollars (millions), at the ECB rate of {on.isoformat()}")
    axes.set_title("Funding rounds in the article's knowledge base", loc="left")
    _status_legend(axes, {r.amount.status for r in rounds}, "upper right")
    figure.tight_layout()
    rate_text = "; ".join(
        f"1 {currency} = {rate} {CURRENCY}" for currency, rate in sorted(rates.items())
    )
    sources = [s for r in rounds for s in r.sources]
    caption = (
        f"Funding rounds of the article's organisations, in US dollars at the "
        f"European Central Bank's reference rate of {on.isoformat()}, the month "
        f"the article was published ({rate_text}); each bar is labelled with "
        "its amount in its original currency and its date, a range is drawn "
        "with its bounds, and colours give each amount's status. Data: the "
        "funding rounds of the article's knowledge base, converted with "
        f"<code>Money.to</code>. Sources: {_publishers(sources)}; rates: ECB "
        "euro reference rates."
    )
    alt = (
        f"Horizontal bar chart of funding rounds in US dollars at the rate of "
        f"{on.isoformat()}: " + "; ".join(alt_parts) + "."
    )
    return Chart("funding", _svg(figure), alt, caption)


def _status_legend(
    axes: Any, statuses: Iterable[Status], where: str = "lower right"
) -> None:
    handles = [
        patches.Patch(color=COLOURS[status], label=status.value)
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
        text = str(estimate).replace(" parameter", "")
        if low is None and high is None:
            axes.text(1.3e9, row, "size not disclosed", va="center", color="#666666")
            alt_parts.append(f"{model.name}: not disclosed")
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
        alt_parts.append(f"{model.name}: {text}")
    axes.set_yticks(range(len(ordered)), [m.name for m in ordered])
    axes.xaxis.set_major_formatter(ticker.FuncFormatter(lambda value, _: _words(value)))
    axes.set_xlabel("parameters (log scale)")
    axes.set_title("Model sizes in the article's knowledge base", loc="left")
    axes.grid(axis="x", which="major", color="#dddddd")
    axes.set_axisbelow(True)
    _status_legend(axes, {m.parameters.status for m in ordered})
    figure.tight_layout()
    sources = [s for m in ordered for s in (*m.sources, *m.parameters.sources)]
    caption = (
        "Sizes of the article's models, in parameters on a log scale. "
        "GPT-4's size was never disclosed: it is drawn as the range of published "
        "estimates (1 to 1.8 trillion), not as a point; an arrow marks a lower "
        "bound, and colours give each size's status. Data: the models of the "
        f"article's knowledge base. Sources: {_publishers(sources)}."
    )
    alt = (
        "Chart of model sizes in parameters on a logarithmic scale: "
        + "; ".join(alt_parts)
        + "."
    )
    return Chart("model-sizes", _svg(figure), alt, caption)


def _words(value: float) -> str:
    if value >= 1e12:  # noqa: PLR2004
        return f"{value / 1e12:g}T"
    return f"{value / 1e9:g}B"


def _size_words(estimate: Estimate[Any]) -> str:
    words = _words
    low, high = _params(estimate.low), _params(estimate.high)
    if low is not None and high is not None and low != high:
        return f"{words(low)} to {words(high)}"
    if low is not None and high is None:
        return f"at least {words(low)}"
    if low is None and high is not None:
        return f"at most {words(high)}"
    return words(low) if low is not None else "unknown"


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
        until = str(role.end) if role.end is not None else "on"
        alt_parts.append(f"Kai-Fu Lee at {role.organisation}, {role.start} to {until}")
        sources += role.sources
    axes.set_yticks([])
    axes.invert_yaxis()
    axes.set_xlim(_num(dt.date(1989, 1, 1)), _num(dt.date(2027, 6, 30)))
    axes.xaxis.set_major_locator(mdates.YearLocator(5))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    axes.spines["left"].set_visible(False)
    axes.set_title("Kai-Fu Lee's career", loc="left")


def _events(
    article: Article, name: str, sources: list[Source]
) -> list[tuple[PartialDate, str]]:
    """An organisation's dated events in the recent window, same dates merged."""
    eco = article.ecosystem
    events: list[tuple[PartialDate, str]] = []
    organisation = eco.organisation(name)
    if organisation.founded is not None:
        events.append((organisation.founded, "founded"))
        sources += organisation.sources
    for funding_round in eco.rounds_of(name):
        events.append((funding_round.announced, f"{funding_round.kind.value} round"))
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
            alt_parts.append(f"{name}: {label.replace(chr(10), ', ')}, {date}")
    published = _published(article)
    first = _first_day(article)
    last = cast("dt.date", published.last)
    axes.axvline(_num(first), color="#c0504d", linestyle="--")
    if last != first:
        axes.axvspan(_num(first), _num(last), color="#c0504d", alpha=0.12)
    top = (len(LANES) - 1) * LANE_GAP + 1
    axes.text(_num(first), top - 0.2, " the article", color="#c0504d", fontsize=9)
    axes.set_yticks([n * LANE_GAP for n in range(len(LANES))], LANES)
    axes.set_ylim(-1, top)
    axes.set_xlim(_num(RECENT[0]), _num(RECENT[1]))
    axes.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))  # type: ignore[no-untyped-call]
    axes.set_title("Organisations, models and funding, late 2022 to 2024", loc="left")
    axes.grid(axis="x", color="#eeeeee")
    axes.set_axisbelow(True)


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
    caption = (
        "Top: Kai-Fu Lee's roles, from Apple to 01.AI. Bottom: when the "
        "article's organisations were founded, raised money and released "
        "models, from late 2022 to 2024; a date known only to the month or the "
        "year is drawn as a grey span with its middle marked, and the dashed "
        "line and the red span are when the article was published "
        f"({_published(article)}). Data: the "
        "people, organisations, funding rounds and models of the article's "
        f"knowledge base. Sources: {_publishers(sources)}."
    )
    alt = "Timeline. " + "; ".join(alt_parts) + "."
    return Chart("timeline", _svg(figure), alt, caption)


def draw() -> dict[str, Chart]:
    """Draw every chart, by name."""
    _style()
    article = load_article()
    charts = (funding_chart(article), model_chart(article), timeline_chart(article))
    return {chart.name: chart for chart in charts}


_CHARTS: dict[str, Chart] = {}


def on_files(files: Any, config: Any) -> Any:
    """Draw the charts and add them to the site as generated files."""
    from mkdocs.structure.files import File

    _CHARTS.clear()
    _CHARTS.update(draw())
    for chart in _CHARTS.values():
        files.append(
            File.generated(config, f"{CHART_DIR}/{chart.name}.svg", content=chart.svg)
        )
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
