"""Charts for the notebooks: plotly for exploration, matplotlib for print.

Importing this module sets the plotly renderer once for the whole workbook:
``plotly_mimetype`` (interactive in JupyterLab) plus an offline notebook renderer that
puts plotly.js into the notebook once, so HTML reports work with the network off and
carry no CDN link (plotly's own notebook renderer adds a MathJax CDN script to every
figure; ours removes it). Every label that comes from the corpus is HTML-escaped.
"""

from __future__ import annotations

import html
import re
import sys

# plotly imports nbformat, whose jsonschema imports rfc3987_syntax when it is installed
# (it comes with JupyterLab) and compiles an IRI grammar at import: 1.6 s of every
# notebook's start, for a format check no notebook here uses. Skip it unless something
# already loaded it.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import plotly.io as pio  # noqa: E402
from plotly.io._base_renderers import NotebookRenderer  # noqa: E402


class _Pyplot:
    """``matplotlib.pyplot``, imported on first use: interactive notebooks draw with
    plotly only and start 0.4 s sooner without it."""

    def __getattr__(self, name: str) -> object:
        import matplotlib.pyplot

        return getattr(matplotlib.pyplot, name)


plt = _Pyplot()

_CDN_SCRIPT = re.compile(r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>')
RENDERER = "plotly_mimetype+offline_notebook"


class OfflineNotebookRenderer(NotebookRenderer):
    """plotly's notebook renderer (plotly.js embedded once) without CDN script tags."""

    def to_mimebundle(self, fig_dict):
        bundle = super().to_mimebundle(fig_dict)
        bundle["text/html"] = _CDN_SCRIPT.sub("", bundle["text/html"])
        return bundle


def use_offline_renderer() -> None:
    """Make every plotly figure render offline (called on import)."""
    if "offline_notebook" not in pio.renderers:
        pio.renderers["offline_notebook"] = OfflineNotebookRenderer()
    pio.renderers.default = RENDERER


use_offline_renderer()

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]


def safe(value: object) -> str:
    """Text from the corpus made inert for HTML and plotly labels."""
    return html.escape(str(value), quote=True)


def _layout(fig: go.Figure, title: str, height: int = 450) -> go.Figure:
    fig.update_layout(title=safe(title), height=height, template="plotly_white",
                      margin={"l": 10, "r": 10, "t": 60, "b": 10}, hoverlabel={"align": "left"})
    return fig


def bar(frame: pd.DataFrame, x: str, y: str, *, color: str | None = None, title: str = "",
        interactive: bool = True, horizontal: bool = True):
    """A bar chart of ``frame[x]`` by ``frame[y]`` (largest on top when horizontal)."""
    data = frame.copy()
    if interactive:
        fig = go.Figure()
        groups = data.groupby(color, sort=False) if color else [("", data)]
        for i, (name, part) in enumerate(groups):
            labels = [safe(v) for v in part[y]]
            values = part[x].tolist()
            fig.add_bar(x=values if horizontal else labels, y=labels if horizontal else values,
                        orientation="h" if horizontal else "v", name=safe(name),
                        marker_color=PALETTE[i % len(PALETTE)],
                        hovertemplate="%{y}: %{x}<extra>" + safe(name) + "</extra>"
                        if horizontal else "%{x}: %{y}<extra></extra>")
        fig.update_layout(barmode="stack", showlegend=bool(color))
        if horizontal:
            fig.update_yaxes(autorange="reversed")
        return _layout(fig, title, height=max(300, 24 * data[y].nunique() + 120))
    fig, ax = plt.subplots(figsize=(8, max(3, 0.3 * data[y].nunique() + 1)))
    pivot = data.pivot_table(index=y, columns=color, values=x, aggfunc="sum", sort=False) \
        if color else data.set_index(y)[[x]]
    pivot.iloc[::-1].plot.barh(ax=ax, stacked=True, legend=bool(color), width=0.8,
                               color=PALETTE[: pivot.shape[1]])
    ax.set_title(title)
    ax.set_ylabel("")
    ax.set_xlabel(x.replace("_", " "))
    fig.tight_layout()
    return fig


def heatmap(frame: pd.DataFrame, index: str, columns: str, values: str, *, title: str = "",
            interactive: bool = True):
    """A heatmap of ``values`` with ``index`` down and ``columns`` across."""
    pivot = frame.pivot_table(index=index, columns=columns, values=values, aggfunc="sum",
                              fill_value=0)
    if interactive:
        fig = go.Figure(go.Heatmap(
            z=pivot.values, x=[safe(c) for c in pivot.columns],
            y=[safe(r) for r in pivot.index], colorscale="Blues",
            hovertemplate="%{y} · %{x}: %{z:.3g}<extra></extra>"))
        fig.update_yaxes(autorange="reversed", type="category")
        fig.update_xaxes(type="category")
        return _layout(fig, title, height=max(350, 22 * len(pivot) + 150))
    fig, ax = plt.subplots(figsize=(max(6, 0.6 * pivot.shape[1] + 3), 0.3 * len(pivot) + 2))
    image = ax.imshow(pivot.values, aspect="auto", cmap="Blues")
    ax.set_xticks(range(pivot.shape[1]), [str(c) for c in pivot.columns], rotation=45,
                  ha="right")
    ax.set_yticks(range(len(pivot)), [str(r) for r in pivot.index])
    fig.colorbar(image, ax=ax, label=values.replace("_", " "))
    ax.set_title(title)
    fig.tight_layout()
    return fig


def timeline(articles: pd.DataFrame, *, interactive: bool = True):
    """Articles per outlet and publication date (undated articles are left out)."""
    dated = articles.dropna(subset=["published"])
    counts = dated.groupby(["published", "outlet"]).size().rename("articles").reset_index()
    if interactive:
        fig = go.Figure()
        for i, (outlet, part) in enumerate(counts.groupby("outlet", sort=True)):
            heads = dated[dated["outlet"] == outlet].groupby("published")["headline"].agg(
                lambda h: "<br>".join(safe(x) for x in h))
            fig.add_scatter(x=part["published"], y=part["articles"], mode="markers",
                            name=safe(outlet), marker={"size": 12, "color": PALETTE[i % 10]},
                            text=[heads[d] for d in part["published"]],
                            hovertemplate="%{x|%Y-%m-%d}: %{y} article(s)<br>%{text}"
                                          "<extra>" + safe(outlet) + "</extra>")
        fig.update_yaxes(title="articles", dtick=1, rangemode="tozero")
        return _layout(fig, "Articles per outlet and date")
    fig, ax = plt.subplots(figsize=(9, 3.5))
    for i, (outlet, part) in enumerate(counts.groupby("outlet", sort=True)):
        ax.scatter(part["published"], part["articles"], label=outlet, color=PALETTE[i % 10])
    ax.set_ylabel("articles")
    ax.set_title("Articles per outlet and date")
    ax.legend(fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def data_table(frame: pd.DataFrame, summary: str = "The data behind this chart",
               max_rows: int = 200) -> str:
    """HTML for a collapsible, escaped table of a chart's data (pandas escapes cells)."""
    shown = frame.head(max_rows)
    more = f"<p>({len(frame) - max_rows} more rows)</p>" if len(frame) > max_rows else ""
    return (f"<details><summary>{safe(summary)} ({len(frame)} rows)</summary>"
            f"{shown.to_html(index=False, escape=True, border=0)}{more}</details>")


def highlight(text: str, spans: pd.DataFrame) -> str:
    """HTML of ``text`` with ``spans`` (``start, end, label, kind``) marked; escaped."""
    colors = {"casualty": "#fdae6b", "person": "#c6dbef", "state": "#c7e9c0",
              "organization": "#dadaeb", "territory": "#fee391", "armed_group": "#d9d9d9"}
    out, pos = [], 0
    for row in spans.sort_values("start").itertuples(index=False):
        if row.start < pos:
            continue
        out.append(safe(text[pos:row.start]))
        out.append(f'<mark style="background:{colors.get(row.kind, "#eee")}" '
                   f'title="{safe(row.label)}">{safe(text[row.start:row.end])}</mark>')
        pos = row.end
    out.append(safe(text[pos:]))
    body = "".join(out).replace("\n\n", "</p><p>")
    return f'<div style="max-width:48em;line-height:1.5"><p>{body}</p></div>'


def message(lines: list[str], title: str = "Note") -> str:
    """HTML for a visible note in a notebook (parameter problems, empty selections)."""
    items = "".join(f"<li>{safe(line)}</li>" for line in lines)
    return (f'<div style="border-left:4px solid #d62728;padding:0.3em 1em;background:#fff5f5">'
            f"<strong>{safe(title)}</strong><ul>{items}</ul></div>")


def finding(text: str) -> str:
    """HTML for the one-sentence reading of a chart, computed from its data."""
    return f'<p style="font-style:italic;max-width:48em">{safe(text)}</p>'


def show(fig) -> None:
    """Display a plotly or matplotlib figure in a notebook (matplotlib as an image)."""
    from IPython.display import display

    if isinstance(fig, go.Figure):
        fig.show()
    else:
        display(fig)
        plt.close(fig)


def table(frame: pd.DataFrame, max_rows: int = 60) -> str:
    """HTML for a table shown in full view (escaped), capped at ``max_rows``."""
    more = f"<p>({len(frame) - max_rows} more rows)</p>" if len(frame) > max_rows else ""
    return frame.head(max_rows).to_html(index=False, escape=True, border=0) + more


def article_spans(figures: pd.DataFrame, mentions: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """Spans to highlight in one article: casualty figures and actor mentions in ``text``."""
    fig = figures[figures["doc_id"] == doc_id]
    men = mentions[(mentions["doc_id"] == doc_id) & (mentions["field"] == "text")]
    return pd.concat([
        pd.DataFrame({"start": fig["start"], "end": fig["end"], "kind": "casualty",
                      "label": fig["status"] + " · " + fig["population"] + " · "
                      + fig["figure_type"]}),
        pd.DataFrame({"start": men["start"], "end": men["end"], "kind": men["kind"],
                      "label": men["actor"]}),
    ], ignore_index=True)


# --- charts that stay readable on large corpora ---------------------------------------

OTHER = "other"
#: How many lines a panel holds at most (more are listed in a note, not drawn).
MAX_LINES = 8


def time_unit(dates: pd.Series) -> tuple[str, str]:
    """The bin for a time axis from the span of ``dates``: ``("D", "day")`` up to 90
    days, ``("W-MON", "week")`` up to two years, else ``("MS", "month")``."""
    dated = pd.to_datetime(dates).dropna()
    span = (dated.max() - dated.min()).days if len(dated) else 0
    if span <= 90:
        return "D", "day"
    if span <= 730:
        return "W-MON", "week"
    return "MS", "month"


def binned(dates: pd.Series, freq: str) -> pd.Series:
    """Each date moved to the start of its bin (day, week starting Monday, month)."""
    dates = pd.to_datetime(dates)
    if freq == "D":
        return dates.dt.normalize()
    if freq.startswith("W"):
        return (dates - pd.to_timedelta(dates.dt.dayofweek, unit="D")).dt.normalize()
    return dates.dt.to_period("M").dt.to_timestamp()


def top_other(frame: pd.DataFrame, key: str, value: str, n: int,
              other: str = OTHER) -> pd.DataFrame:
    """``frame`` with every ``key`` outside the ``n`` largest (by summed ``value``)
    renamed ``other`` and summed with the rest of its row's other columns."""
    totals = frame.groupby(key, observed=True)[value].sum().sort_values(ascending=False)
    if len(totals) <= n + 1:
        return frame
    keep = set(totals.index[:n])
    out = frame.assign(**{key: frame[key].astype(str).where(frame[key].isin(keep), other)})
    groups = [c for c in out.columns if c != value and not pd.api.types.is_numeric_dtype(
        out[c])]
    return out.groupby(groups, observed=True, sort=False, dropna=False)[value].sum() \
        .reset_index()


def counts_over_time(frame: pd.DataFrame, date: str, color: str, *, value: str | None = None,
                     top_n: int = 8, title: str = "", interactive: bool = True,
                     ylabel: str = "articles"):
    """Counts (or summed ``value``) per time bin as lines on a real time axis, one line
    per ``color`` value (the ``top_n`` largest, the rest summed as "other").
    Returns ``(figure, table, unit)``."""
    dated = frame.dropna(subset=[date])
    freq, unit = time_unit(dated[date])
    data = dated.assign(bin=binned(dated[date], freq))
    data = (data.groupby(["bin", color], observed=True)[value].sum() if value
            else data.groupby(["bin", color], observed=True).size()).rename(ylabel).reset_index()
    data = top_other(data, color, ylabel, top_n)
    data = data.sort_values(["bin", color]).reset_index(drop=True)
    order = list(data.groupby(color, observed=True)[ylabel].sum().sort_values(
        ascending=False).index)
    title = f"{title} (per {unit})"
    if interactive:
        fig = go.Figure()
        for i, name in enumerate(order):
            part = data[data[color] == name]
            fig.add_scatter(x=part["bin"], y=part[ylabel], mode="lines+markers",
                            name=safe(name), line={"color": "#999" if name == OTHER
                                                   else PALETTE[i % len(PALETTE)]},
                            hovertemplate="%{x|%Y-%m-%d}: %{y}<extra>" + safe(name)
                            + "</extra>")
        fig.update_xaxes(type="date", title=f"{unit} starting")
        fig.update_yaxes(title=ylabel, rangemode="tozero")
        return _layout(fig, title), data, unit
    fig, ax = plt.subplots(figsize=(10, 4))
    for i, name in enumerate(order):
        part = data[data[color] == name]
        ax.plot(part["bin"], part[ylabel], marker="o", markersize=3, label=str(name),
                color="#999" if name == OTHER else PALETTE[i % len(PALETTE)])
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    if order:
        ax.legend(fontsize=7)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig, data, unit


def time_heatmap(frame: pd.DataFrame, index: str, date: str, values: str, *, title: str = "",
                 interactive: bool = True):
    """A heatmap of ``values`` with ``index`` down and a real time axis across, binned
    by day, week or month from the span. Returns ``(figure, table, unit)``."""
    dated = frame.dropna(subset=[date])
    freq, unit = time_unit(dated[date])
    data = dated.assign(bin=binned(dated[date], freq)).groupby(
        [index, "bin"], observed=True)[values].sum().reset_index()
    pivot = data.pivot_table(index=index, columns="bin", values=values, aggfunc="sum",
                             fill_value=0, observed=True)
    if len(pivot.columns):
        full = pd.date_range(pivot.columns.min(), pivot.columns.max(),
                             freq="D" if freq == "D" else ("W-MON" if unit == "week" else "MS"))
        pivot = pivot.reindex(columns=full, fill_value=0)
    title = f"{title} (per {unit})"
    if interactive:
        fig = go.Figure(go.Heatmap(
            z=pivot.values, x=list(pivot.columns), y=[safe(r) for r in pivot.index],
            colorscale="Blues", hovertemplate="%{y} · %{x|%Y-%m-%d}: %{z:.3g}<extra></extra>"))
        fig.update_yaxes(autorange="reversed", type="category")
        fig.update_xaxes(type="date", title=f"{unit} starting")
        return _layout(fig, title, height=max(350, 22 * len(pivot) + 150)), data, unit
    fig, ax = plt.subplots(figsize=(10, 0.3 * len(pivot) + 2))
    if len(pivot.columns):
        import matplotlib.dates as mdates

        step = (pivot.columns[-1] - pivot.columns[-2] if len(pivot.columns) > 1
                else pd.Timedelta(days=1))
        edges = mdates.date2num([*pivot.columns, pivot.columns[-1] + step])
        image = ax.pcolormesh(edges, range(len(pivot) + 1), pivot.values, cmap="Blues")
        ax.xaxis_date()
        ax.set_yticks([i + 0.5 for i in range(len(pivot))], [str(r) for r in pivot.index])
        ax.invert_yaxis()
        fig.colorbar(image, ax=ax, label=values.replace("_", " "))
        fig.autofmt_xdate()
    ax.set_title(title)
    fig.tight_layout()
    return fig, data, unit


def casualty_panels(series: pd.DataFrame, *, log: bool = False, max_lines: int = MAX_LINES,
                    title: str = "Reported running totals", interactive: bool = True):
    """Running totals as small multiples: one panel per side × status, one colour per
    claimant, a line per claimant and population (at most ``max_lines`` a panel: the
    series with most reports; the others are named in the returned notes).
    ``log``: a logarithmic people axis (one claim of thousands no longer flattens the
    others). Returns ``(figure or None, notes)``."""
    totals = series[series["kind"] == "total"]
    if totals.empty:
        return None, []
    panels = sorted(totals.groupby(["side", "status"]).groups, key=lambda k: (
        -len(totals[(totals.side == k[0]) & (totals.status == k[1])]), k))
    claimants = sorted(totals["claimant_group"].astype(str).unique())
    colour = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(claimants)}
    dashes = ["solid", "dash", "dot", "dashdot"]
    notes = []
    drawn = []
    for side, status in panels:
        part = totals[(totals.side == side) & (totals.status == status)]
        sizes = part.groupby("series").size().sort_values(ascending=False)
        keep = list(sizes.index[:max_lines])
        if len(sizes) > max_lines:
            notes.append(f"{side} · {status}: {len(sizes) - max_lines} more series with "
                         f"fewer reports are not drawn ({', '.join(sizes.index[max_lines:][:5])}"
                         f"{' …' if len(sizes) > max_lines + 5 else ''}); filter with "
                         "claimant_groups or populations to see them")
        drawn.append(((side, status), part[part.series.isin(keep)]))
    cols = 2 if len(drawn) > 1 else 1
    rows = (len(drawn) + cols - 1) // cols
    if interactive:
        from plotly.subplots import make_subplots

        fig = make_subplots(rows=rows, cols=cols, shared_xaxes=True,
                            subplot_titles=[safe(f"{s} · {st}") for (s, st), _ in drawn],
                            vertical_spacing=min(0.12, 0.5 / max(rows, 1)))
        shown = set()
        for i, (_, part) in enumerate(drawn):
            r, c = i // cols + 1, i % cols + 1
            for name, line in part.groupby("series", sort=True):
                claimant = str(line["claimant_group"].iloc[0])
                pops = sorted(part["population"].astype(str).unique())
                dash = dashes[pops.index(str(line["population"].iloc[0])) % len(dashes)]
                daily = _per_date(line)
                fig.add_scatter(x=daily["published"], y=daily["count"], mode="lines+markers",
                                line={"shape": "hv", "color": colour[claimant], "dash": dash},
                                name=safe(claimant),
                                legendgroup=safe(claimant), showlegend=claimant not in shown,
                                text=daily["hover"], hovertemplate="%{x|%Y-%m-%d}: %{text}"
                                "<extra>" + safe(name) + "</extra>", row=r, col=c)
                shown.add(claimant)
                flagged = daily[daily["flagged"]]
                if len(flagged):
                    fig.add_scatter(x=flagged["published"], y=flagged["count"], mode="markers",
                                    marker={"symbol": "x", "size": 10, "color": "black"},
                                    showlegend=False, text=flagged["hover"],
                                    hovertemplate="%{text}<extra></extra>", row=r, col=c)
        fig.update_yaxes(type="log" if log else "linear",
                         rangemode="normal" if log else "tozero")
        fig.update_xaxes(type="date")
        return _layout(fig, title + (" (log scale)" if log else ""),
                       height=max(380, 300 * rows)), notes
    fig, axes = plt.subplots(rows, cols, figsize=(11, 3.2 * rows), squeeze=False,
                             sharex=True)
    for i, ((side, status), part) in enumerate(drawn):
        ax = axes[i // cols][i % cols]
        for _, line in part.groupby("series", sort=True):
            claimant = str(line["claimant_group"].iloc[0])
            ax.step(line["published"], line["count"], where="post", marker="o", markersize=3,
                    color=colour[claimant], label=f"{claimant} · {line['population'].iloc[0]}")
        ax.set_title(f"{side} · {status}", fontsize=9)
        if log:
            ax.set_yscale("log")
        ax.legend(fontsize=6)
    for j in range(len(drawn), rows * cols):
        axes[j // cols][j % cols].set_visible(False)
    fig.suptitle(title)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig, notes


def _per_date(line: pd.DataFrame) -> pd.DataFrame:
    """One point per report date of one series: the largest value that day (a step line
    through several values reported the same day would zigzag), with a short hover
    text (up to three values and three articles) and whether any value was flagged."""
    line = line.sort_values(["published", "count"], ascending=[True, False], kind="stable")
    dates = line["published"].tolist()
    values = zip(line["count"].tolist(), line["label"].tolist(), line["flag"].tolist(),
                 line["doc_ids"].tolist(), strict=True)
    rows, day = [], []
    for i, value in enumerate(values):
        day.append(value)
        if i + 1 < len(dates) and dates[i + 1] == dates[i]:
            continue
        labels = [f"{lab} ({flag})" if flag else str(lab) for _, lab, flag, _ in day]
        docs = " ".join(str(d) for *_, d in day).split()
        hover = safe(", ".join(labels[:3]) + (f" and {len(labels) - 3} more values"
                                              if len(labels) > 3 else ""))
        hover += "<br>" + safe(" ".join(docs[:3]) + (" …" if len(docs) > 3 else ""))
        rows.append((dates[i], int(day[0][0]), hover, any(flag for _, _, flag, _ in day)))
        day = []
    return pd.DataFrame(rows, columns=["published", "count", "hover", "flagged"])


class Tables:
    """Big tables stay out of the HTML: :meth:`show` gives the first rows and writes the
    whole table into ``folder`` (CSV, or Parquet above :attr:`CSV_ROWS` rows), linked
    from the report; without a folder only the first rows are shown."""

    CSV_ROWS = 50_000

    def __init__(self, folder: str = "", rows: int = 20):
        from pathlib import Path

        self.folder = Path(folder) if folder else None
        self.rows = rows

    def save(self, frame: pd.DataFrame, name: str) -> str:
        """Write ``frame`` as ``folder/name.csv`` (or ``.parquet``); return its link
        (relative to the report, which sits beside the folder), or "" without one."""
        if self.folder is None:
            return ""
        from conflictnews.outputs import write_table

        suffix = ".csv" if len(frame) <= self.CSV_ROWS else ".parquet"
        path = self.folder / f"{re.sub(r'[^A-Za-z0-9_-]+', '-', name)}{suffix}"
        write_table(frame.reset_index(drop=True), path)
        return f"{self.folder.name}/{path.name}"

    def show(self, frame: pd.DataFrame, summary: str, name: str, rows: int | None = None,
             open_: bool = False) -> str:
        """HTML: a collapsible table of the first rows (escaped) and a link to the full
        table file."""
        rows = self.rows if rows is None else rows
        link = self.save(frame, name)
        return self._html(frame.head(rows), len(frame), link, summary, open_)

    def show_selected(self, selection, table: str, columns: list[str], summary: str,
                      name: str, rows: int | None = None, open_: bool = False) -> str:
        """:meth:`show` for the selected articles' rows of an extract table too big to
        hold in memory (e.g. every attribution of 10^5 articles): the first rows are
        read from the first parts, and the whole table (``columns``) is streamed into
        the file part by part (Parquet above :attr:`CSV_ROWS` rows)."""
        rows = self.rows if rows is None else rows
        total = selection.count_rows(table)
        if self.folder is None or total <= self.CSV_ROWS:
            frame = (selection.table(table, columns)[columns] if self.folder is not None
                     else selection.head(table, columns, rows))
            link = self.save(frame, name)
            return self._html(frame.head(rows), total, link, summary, open_)
        import pyarrow.parquet as pq

        from conflictnews.outputs import write_atomic

        path = self.folder / f"{re.sub(r'[^A-Za-z0-9_-]+', '-', name)}.parquet"

        def write(tmp) -> None:
            writer = None
            for part in selection.iter_parts(table, columns):
                writer = writer or pq.ParquetWriter(tmp, part.schema)
                writer.write_table(part)
            if writer is not None:
                writer.close()

        write_atomic(path, write)
        return self._html(selection.head(table, columns, rows), total,
                          f"{self.folder.name}/{path.name}", summary, open_)

    @staticmethod
    def _html(shown: pd.DataFrame, total: int, link: str, summary: str, open_: bool) -> str:
        rows = shown.to_html(index=False, escape=True, border=0)
        more = ""
        if total > len(shown):
            more = f"<p>The first {len(shown)} of {total:,} rows"
        elif link:
            more = "<p>All rows"
        if link:
            more += f'; the whole table: <a href="{safe(link)}">{safe(link)}</a>'
        more += "</p>" if more else ""
        return (f"<details{' open' if open_ else ''}><summary>{safe(summary)} "
                f"({total:,} rows)</summary>{rows}{more}</details>")
