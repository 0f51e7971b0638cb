"""Building blocks of the bundled sample cohort (see ``scripts/make_sample.py``).

Everything here is fictional and written by the staffpulse project: names, firms, posts and
numbers. Nothing is fetched from the network; the only randomness is a seeded ``random.Random``.
"""
