"""What the browser tests measure of a chart as the page shows it (a JavaScript function for
Playwright's ``page.evaluate``)."""

from __future__ import annotations

# Each chart as the page shows it: the size its smallest text is drawn at (the font size times
# the SVG's scale, and the height of that text's box), whether its box scrolls sideways, and
# whether the "Scroll sideways" hint above it shows.
# (A chart drawn twice, wide and narrow, is measured as shown: the one the screen hides is not.)
CHART_TEXT = """() => [...document.querySelectorAll('svg[role=img]')]
  .filter(svg => svg.getClientRects().length).map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
  const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const heights = texts.map(t => t.getBoundingClientRect().height);
  const box = svg.closest('.chart-scroll'), hint = box.previousElementSibling;
  return {label: svg.getAttribute('aria-label'), texts: texts.length,
          smallest: Math.min(...sizes), lowest: Math.min(...heights),
          scrolls: box.scrollWidth > box.clientWidth + 1,
          inside: box.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
          hint: hint.getBoundingClientRect().height > 0 ? hint.innerText : ''};
})"""
