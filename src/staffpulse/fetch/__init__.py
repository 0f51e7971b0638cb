"""Live fetchers: thin loops around the source adapters (see docs/fetching.md).

``staffpulse.fetch.x`` (tweepy, pay-per-use with a budget), ``staffpulse.fetch.bluesky``
(atproto SDK, public AppView) and ``staffpulse.fetch.mastodon`` (Mastodon.py). Each module
has a ``fetch_account(store, handle, report=None)`` for the profile alone.
"""
