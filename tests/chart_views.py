"""What a reader sees of the audit's charts on the first screen, without scrolling a chart's
box (JavaScript functions for Playwright's ``page.evaluate``)."""

from __future__ import annotations

# The four pillars' scores (the numbers after the bars, not the axis): each one's text and
# whether it is drawn whole inside both its chart's box and the window.
PILLAR_SCORES = """() => {
  const svg = document.querySelector("svg[aria-label='Pillar scores from 0 to 100']");
  const box = svg.closest('.chart-scroll').getBoundingClientRect();
  const right = Math.min(window.innerWidth, box.right) + 1, left = Math.max(0, box.left) - 1;
  return [...svg.querySelectorAll('text')]
    .filter(t => /^\\d+$/.test(t.textContent.trim()) && !t.closest('.role-axis'))
    .map(t => { const r = t.getBoundingClientRect();
                return {score: t.textContent.trim(), seen: r.left >= left && r.right <= right}; });
}"""

# The audited account's markers on the strips ("Where you stand"): each one's label and
# whether its centre is inside the strips' box and the window as the page opens.
MARKERS = """() => {
  // the strips as shown: drawn wide and narrow, the screen hides one of them
  const svg = [...document.querySelectorAll("svg[aria-label=\\"Each account's pillar scores in the cohort\\"]")]
    .find(s => s.getClientRects().length);
  const box = svg.closest('.chart-scroll').getBoundingClientRect();
  return [...svg.querySelectorAll("[aria-label*='(this account)']")].map(m => {
    const r = m.getBoundingClientRect(), x = (r.left + r.right) / 2;
    return {label: m.getAttribute('aria-label'),
            seen: x >= Math.max(0, box.left) && x <= Math.min(window.innerWidth, box.right)};
  });
}"""
