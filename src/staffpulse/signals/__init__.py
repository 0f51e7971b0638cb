"""Signals: pure scorers over posts, avatars and accounts, with their shipped artifacts.

Each scorer follows scikit-learn's contract (``__init__`` stores parameters, ``fit`` returns
self, learned attributes end in ``_``) and loads its trained artifact from ``artifacts/``.
"""
