"""Rendering of results: Rich terminal tables, self-contained HTML, JSON and CSV."""
