"""An account's name as plain words, read by the role tagger and the audit's name check alike,
without scikit-learn: `staffpulse --help` and every command's start-up import the audit's
name check through the report modules."""

from __future__ import annotations

import subprocess
import sys

from staffpulse.signals.role_text import clean_text, split_name, to_ascii


def test_a_name_splits_into_words_as_the_tagger_reads_it() -> None:
    assert split_name("TCGJobs") == "tcg jobs"
    assert split_name("tmj_pdx_retail") == "tmj pdx retail"
    assert split_name("@priyapatel.bsky.social") == "priyapatel"
    assert split_name("DANA WHITFIELD") == "dana whitfield"


def test_texts_are_folded_to_ascii_with_links_and_mentions_as_words() -> None:
    assert to_ascii("José  Peña 🌵") == "Jose Pena"
    assert clean_text("Hi @kim, see https://x.example/a") == "Hi xmentionx , see xurlx"


def test_the_help_and_the_audit_name_check_load_no_scikit_learn() -> None:
    code = (
        "import sys; from staffpulse.cli import main; import staffpulse.audit.names; "
        "sys.argv[1:] = ['--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('SKLEARN', 'sklearn' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "SKLEARN False" in done.stdout
