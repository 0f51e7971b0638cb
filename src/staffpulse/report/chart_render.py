"""A chart's Vega-Lite spec drawn as static SVG, and the box it sits in on a page.

:func:`draw` turns a spec into SVG with ``vl-convert``, which carries its own copy of Vega and
Vega-Lite, so charts are drawn offline and the reports need no script and no network: the
standalone reports keep their ``default-src 'none'`` policy and print well. It reads Vega's SVG
as an XML tree and changes it there (not with text patterns, which a new vl-convert writing its
attributes in another order would silently stop matching); the tree is written out escaped, so
a label full of markup stays text.

Every mark a reader may point at says what it is in words: a ``description`` encoding becomes
its ``aria-label`` (without one, Vega lists the spec's fields, "jitter: -5" and all), and
:func:`draw` repeats it as the mark's ``<title>``, which browsers show on hover ("@hireloop:
77"). Decorations (tracks, value labels) are hidden from screen readers (``aria: false``).

:func:`render` puts the SVG in a box that scrolls sideways (``.chart-scroll`` in
``templates/report.css``, which the dashboard loads too): the SVG fills its box but never
shrinks below the width at which its smallest text is :data:`MIN_TEXT_PX` high. A chart shrunk
to a phone's width would otherwise draw its 11 px labels at about 5 px.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import Any

from markupsafe import Markup, escape

SVG_NS = "http://www.w3.org/2000/svg"
# written back as the default namespace (<svg><path>, not <ns0:svg>), and xlink, which Vega
# declares, with its usual prefix (ElementTree's registry is global; these are the standard names)
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
_GROUP, _TITLE, _TEXT = f"{{{SVG_NS}}}g", f"{{{SVG_NS}}}title", f"{{{SVG_NS}}}text"
# the smallest a chart's text may be drawn on screen, in CSS px: readable on a phone, with a
# little room for rounding above the 10 px asked of it
MIN_TEXT_PX = 10.5
SCROLL_HINT = "Scroll sideways to see the whole chart \u2192"


def render(
    spec: dict[str, Any], label: str, focus: str | None = None, max_scale: float | None = None
) -> Markup:
    """The chart for a page: the spec drawn as SVG (:func:`draw`) in a box that scrolls
    sideways when the page is too narrow to show its text at a readable size, with a hint
    that says so (shown by the stylesheet only then: the standalone reports have no script).

    ``focus``: the box opens scrolled to the first mark whose label holds this text (the
    audited account's marker), centred, where the chart is wider than its box: a
    ``.chart-focus`` point at its place, which the stylesheet makes the box's first view
    (``scroll-initial-target``, no script). ``max_scale``: the chart is never drawn larger
    than this many times its size in px (a narrow chart in a wide column would have huge text).
    """
    root = _drawn(spec, label)
    min_width = readable_width(root)
    hint = f'<p class="chart-hint faint" aria-hidden="true"><span>{escape(SCROLL_HINT)}</span></p>'
    svg = ET.tostring(root, encoding="unicode")
    style = f"--chart-min:{min_width}px"
    if max_scale is not None:
        style += f";--chart-max:{math.ceil(_view_width(root) * max_scale)}px"
    where = _mark_x(root, focus) if focus else None
    if where is not None and _view_width(root):
        share = 100 * where / _view_width(root)
        point = f'<span class="chart-focus" style="left:{share:.1f}%" aria-hidden="true"></span>'
        svg = f'<div class="chart-canvas">{svg}{point}</div>'
    return Markup(
        f'<div class="chart" style="{style}">{hint}<div class="chart-scroll">{svg}</div></div>'
    )


def draw(spec: dict[str, Any], label: str) -> Markup:
    """The spec as an inline SVG that scales to its container, labelled for screen readers."""
    return Markup(ET.tostring(_drawn(spec, label), encoding="unicode"))


def _drawn(spec: dict[str, Any], label: str) -> ET.Element:
    import vl_convert  # imported here: it starts a JavaScript engine, which most commands never need

    root = ET.fromstring(vl_convert.vegalite_to_svg(spec))
    _fit_to_container(root, label)
    _add_mark_titles(root)
    return root


def readable_width(root: ET.Element) -> int:
    """The narrowest the SVG ``root`` may be shown, in CSS px, for its smallest text to stay
    :data:`MIN_TEXT_PX` high (0 when it has no text or no viewBox)."""
    sizes = [_px(t.get("font-size")) for t in root.iter(_TEXT)]
    smallest = min((s for s in sizes if s), default=0.0)
    box = (root.get("viewBox") or "").split()
    if not smallest or len(box) != 4:
        return 0
    return math.ceil(float(box[2]) * MIN_TEXT_PX / smallest)


def _view_width(root: ET.Element) -> float:
    box = (root.get("viewBox") or "").split()
    return float(box[2]) if len(box) == 4 else 0.0


_TRANSLATE = re.compile(r"translate\(\s*(-?[\d.]+)")


def _mark_x(root: ET.Element, text: str) -> float | None:
    """Where, across the SVG, the first mark labelled with ``text`` is drawn: the sum of its
    own and its groups' ``translate`` (Vega places every group and mark that way)."""

    def walk(node: ET.Element, x: float) -> float | None:
        moved = _TRANSLATE.match(node.get("transform") or "")
        x += float(moved.group(1)) if moved else 0.0
        if text in (node.get("aria-label") or "") and node.get("role") == "graphics-symbol":
            return x
        for child in node:
            found = walk(child, x)
            if found is not None:
                return found
        return None

    return walk(root, 0.0)


def _px(size: str | None) -> float:
    try:
        return float((size or "").removesuffix("px"))
    except ValueError:
        return 0.0


def _fit_to_container(root: ET.Element, label: str) -> None:
    """Vega's fixed pixel size becomes the container's width (the viewBox keeps the height in
    proportion), and the chart is one image named ``label`` for screen readers."""
    root.attrib.pop("height", None)
    root.attrib.update({"width": "100%", "role": "img", "aria-label": label})


def _add_mark_titles(root: ET.Element) -> None:
    """Each mark Vega labelled (a ``description`` encoding, its ``aria-label``) gets the label
    again as its ``<title>``, the tooltip a browser shows on hover. Axes and legends, labelled
    for screen readers too, are groups (``<g>``): no tooltip over a whole axis."""
    shapes = [m for m in root.iter() if m.tag != _GROUP]  # a list: the loop adds to the tree
    for mark in shapes:
        label = mark.get("aria-label")
        if mark.get("role") == "graphics-symbol" and label and mark.find(_TITLE) is None:
            title = ET.Element(_TITLE)
            title.text = label
            mark.insert(0, title)  # SVG wants the title as the element's first child
