"""scikit-learn's estimator contract for the role tagger, without importing scikit-learn.

``BaseEstimator`` and ``NotFittedError`` live in a package that takes about a second to
import, which every ``staffpulse roles`` and ``staffpulse connect`` run paid only to tag
accounts with a trained model. The tagger needs three things from them: ``get_params`` and
``set_params`` over its ``__init__`` arguments (which ``sklearn.base.clone`` also uses), and
scikit-learn's own error for an unfitted model, imported only when one is raised.
"""

from __future__ import annotations

import inspect
from typing import Any, Self


class EstimatorParams:
    """``get_params``/``set_params`` as ``sklearn.base.BaseEstimator`` defines them for an
    estimator whose ``__init__`` stores each keyword argument under its own name."""

    @classmethod
    def _param_names(cls) -> list[str]:
        signature = inspect.signature(cls.__init__)
        return sorted(
            name
            for name, param in signature.parameters.items()
            if name != "self" and param.kind not in (param.VAR_POSITIONAL, param.VAR_KEYWORD)
        )

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The ``__init__`` arguments and their current values (``deep`` has no nested
        estimators to descend into)."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> Self:
        """Change ``__init__`` arguments; an unknown name raises ValueError, as in sklearn."""
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(
                    f"Invalid parameter {name!r} for estimator {type(self).__name__}. "
                    f"Valid parameters are: {valid!r}."
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        defaults = {
            name: param.default
            for name, param in inspect.signature(type(self).__init__).parameters.items()
        }
        changed = [
            f"{name}={value!r}"
            for name, value in self.get_params().items()
            if defaults.get(name, inspect.Parameter.empty) != value
        ]
        return f"{type(self).__name__}({', '.join(changed)})"


def not_fitted(message: str) -> Exception:
    """scikit-learn's ``NotFittedError`` (a ValueError and an AttributeError), imported only
    now: a fitted model never needs it."""
    from sklearn.exceptions import NotFittedError

    error: Exception = NotFittedError(message)
    return error
