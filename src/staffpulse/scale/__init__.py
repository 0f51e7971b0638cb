"""Batch scoring that runs the same pure code in-process or on a Dask cluster (extra ``dask``)."""

from staffpulse.scale.engine import ScoreSummary, score_inputs

__all__ = ["ScoreSummary", "score_inputs"]
