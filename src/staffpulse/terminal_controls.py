"""The characters a terminal acts on instead of showing, named once for every place that keeps
them out of what it prints.

An ESC starts a sequence that recolours or clears the screen (or hides a link), a BEL rings,
and 0x9b starts a sequence as ESC [ does on some terminals. Imported text may hold them: the
console (:mod:`staffpulse.cli.consoles`) drops them from whatever a command prints, and
connect reads them in a display name as spaces (:func:`staffpulse.connect.suggest.shown_name`),
so a CSV printed with ``cat`` runs none. Tab and line feed are layout, not commands.
"""

from __future__ import annotations

import re

#: the C0 controls but tab and line feed, DEL, and the C1 controls
TERMINAL_CONTROLS_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
