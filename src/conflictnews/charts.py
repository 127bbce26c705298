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

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import plotly.io as pio  # noqa: E402
from plotly.io._base_renderers import NotebookRenderer  # noqa: E402

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


def casualty_chart(series: pd.DataFrame, estimates: pd.DataFrame | None = None, *,
                   title: str = "Reported casualty figures", interactive: bool = True):
    """Running totals as step lines, increments as markers, and a low–high band per
    (population, side, status) when ``estimates`` is given."""
    totals = series[series["kind"] == "total"]
    increments = series[series["kind"] == "increment"]
    if interactive:
        fig = go.Figure()
        if estimates is not None and len(estimates):
            for (pop, side, status), band in estimates.groupby(["population", "side",
                                                               "status"]):
                band = band.dropna(subset=["low", "high"])
                if len(band) < 2 or (band["low"] == band["high"]).all():
                    continue
                name = safe(f"low–high: {pop} · {side} · {status}")
                fig.add_scatter(x=band["published"], y=band["high"], mode="lines",
                                line={"width": 0, "shape": "hv"}, showlegend=False,
                                hoverinfo="skip", legendgroup=name)
                fig.add_scatter(x=band["published"], y=band["low"], mode="lines",
                                line={"width": 0, "shape": "hv"}, fill="tonexty",
                                fillcolor="rgba(120,120,120,0.15)", name=name,
                                legendgroup=name, hoverinfo="skip")
        for i, (name, part) in enumerate(totals.groupby("series", sort=True)):
            color = PALETTE[i % len(PALETTE)]
            hover = [safe(f"{label} ({flag})" if flag else label) + "<br>" + safe(docs)
                     for label, flag, docs in zip(part["label"], part["flag"], part["doc_ids"],
                                                  strict=True)]
            fig.add_scatter(x=part["published"], y=part["count"], mode="lines+markers",
                            line={"shape": "hv", "color": color}, name=safe(name),
                            text=hover, hovertemplate="%{x|%Y-%m-%d}: %{text}<extra></extra>")
            flagged = part[part["flag"] != ""]
            if len(flagged):
                fig.add_scatter(x=flagged["published"], y=flagged["count"], mode="markers",
                                marker={"symbol": "x", "size": 14, "color": "black"},
                                name=safe(f"flagged: {name}"), text=[safe(n) for n in
                                                                      flagged["note"]],
                                hovertemplate="%{text}<extra></extra>")
        if len(increments):
            fig.add_scatter(x=increments["published"], y=increments["count"], mode="markers",
                            marker={"symbol": "triangle-up", "size": 11, "color": "#ff7f0e"},
                            name="reported increments",
                            text=[safe(f"+{c:,} ({s})") for c, s in
                                  zip(increments["count"], increments["series"], strict=True)],
                            hovertemplate="%{x|%Y-%m-%d}: %{text}<extra></extra>")
        fig.update_yaxes(title="people", rangemode="tozero")
        return _layout(fig, title, height=520)
    fig, ax = plt.subplots(figsize=(10, 5))
    for i, (name, part) in enumerate(totals.groupby("series", sort=True)):
        ax.step(part["published"], part["count"], where="post", marker="o", label=name,
                color=PALETTE[i % len(PALETTE)])
        for d, c, lab in zip(part["published"], part["count"], part["label"], strict=True):
            ax.annotate(lab, (d, c), textcoords="offset points", xytext=(2, 4), fontsize=7)
    if len(increments):
        ax.scatter(increments["published"], increments["count"], marker="^", color="#ff7f0e",
                   label="reported increments", zorder=3)
    ax.set_ylabel("people")
    ax.set_title(title)
    ax.legend(fontsize=7, loc="upper left")
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
