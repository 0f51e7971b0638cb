"""The benchmark's statistics (staffpulse.benchmark.stats): percentile ranks, the
segment comparisons and the job-ads claim, said plainly with the statistics kept apart."""

from __future__ import annotations

import numpy as np
import pytest

from staffpulse.benchmark.claims import compare, mostly_job_ads
from staffpulse.benchmark.stats import part_median_note, percentile_ranks


def test_percentiles() -> None:
    # the share of the other accounts scoring strictly lower: a tie is not beaten
    ranks = percentile_ranks(np.array([10.0, 20.0, 20.0, 30.0])).tolist()
    assert ranks == [0.0, 100 / 3, 100 / 3, 100.0]


def test_compare_says_too_small() -> None:
    out = compare(np.array([80.0, 90.0]), np.array([10.0, 20.0, 30.0]), "Vendors", "Firms", "Voice")
    assert out["verdict"] == "too small to tell"
    assert out["n"] == {"Vendors": 2, "Firms": 3}


def test_compare_with_enough_accounts() -> None:
    rng = np.random.default_rng(1)
    high, low = rng.normal(70, 8, 20), rng.normal(40, 8, 20)
    out = compare(high, low, "Vendors", "Firms", "Voice")
    assert out["verdict"] == "supported" and out["p_value"] < 0.05
    assert out["ci95"][0] > 0
    same = compare(low, low + rng.normal(0, 1, 20), "Vendors", "Firms", "Voice")
    assert same["verdict"] in ("no clear difference", "contradicted")


def test_mostly_job_ads() -> None:
    out = mostly_job_ads(np.array([0.9, 0.8, 0.7, 0.2, 0.95, 0.6]), "Staffing firms")
    assert out["mostly_job_ads"] == 5 and out["n"] == 6 and out["share"] == pytest.approx(0.833)
    assert mostly_job_ads(np.array([0.9]), "Staffing firms")["verdict"] == "too small to tell"


def test_claims_speak_plainly_and_keep_the_statistics_apart() -> None:
    small = compare(
        np.array([80.0, 91.0]), np.array([10.0, 20.0, 30.0]), "Vendors", "Staffing firms", "Voice"
    )
    assert small["explanation"] == (
        "Typical Voice score: vendors 86, staffing firms 20. Too few to tell: the group has "
        "2 vendors and 3 staffing firms, and we need at least 5 of each."
    )
    assert small["claim"] == "Vendors beat staffing firms on Voice"
    rng = np.random.default_rng(1)
    tested = compare(rng.normal(70, 8, 20), rng.normal(40, 8, 20), "Vendors", "Firms", "Voice")
    assert "interval" not in tested["explanation"] and "Mann-Whitney" not in tested["explanation"]
    assert "95% interval" in tested["detail"] and "Mann-Whitney p" in tested["detail"]
    assert tested["ci95"] and tested["p_value"] is not None  # the JSON keeps every number
    mostly = mostly_job_ads(np.array([0.9, 0.8, 0.2, 0.1, 0.3]), "Staffing firms")
    assert mostly["verdict"] == "mixed" and "%, 95%" not in mostly["explanation"]
    assert mostly["explanation"].startswith("2 of 5 staffing firms (40%) post more job ads")
    assert "95% interval of that share: " in mostly["detail"]


def test_a_comparison_says_how_many_members_of_each_segment_have_a_score() -> None:
    out = compare(
        np.array([60.0, 70.0, 80.0]),
        np.array([50.0, 55.0]),
        "Vendors",
        "Staffing firms",
        "Voice",
        members=(6, 2),
    )
    assert out["members"] == {"Vendors": 6, "Staffing firms": 2}
    assert out["explanation"].endswith(
        "Too few to tell: 3 of the 6 vendors and 2 staffing firms have a Voice score, "
        "and we need at least 5 of each."
    )
    shares = np.array([0.9, 0.8, 0.7, 0.6, 0.1])
    judged = mostly_job_ads(shares, "Staffing firms", members=7)
    assert judged["explanation"].startswith(
        "4 of 5 staffing firms with a Mix score (80%) post more job ads"
    )
    assert judged["explanation"].endswith(
        "The other 2 have no Mix score (no original posts, or too few in English to read)."
    )


def test_a_difference_under_half_a_point_is_never_zero_points_higher() -> None:
    # 558 real accounts given segments at random: the averages 0.47 apart read "Staffing firms
    # score 0 points higher on average than vendors"
    vendors = np.array([70.0, 70.0, 70.0, 100.0, 40.0, 70.0])
    firms = np.array([70.0, 70.0, 70.0, 100.0, 42.0, 70.0])
    close = compare(vendors, firms, "Vendors", "Staffing firms", "Voice")
    assert close["verdict"] == "no clear difference"
    assert close["explanation"] == (
        "Typical Voice score: vendors 70, staffing firms 70. Staffing firms score less than "
        "half a point higher on average than vendors, a difference chance could explain."
    )
    same = compare(vendors, vendors.copy(), "Vendors", "Staffing firms", "Voice")
    assert same["explanation"] == (
        "Typical Voice score: vendors 70, staffing firms 70. "
        "Vendors and staffing firms score the same on average."
    )


def test_tests_that_disagree_say_unclear_not_chance() -> None:
    # medians of 0 and 0 in the segment table beside "vendors score 6 points higher on
    # average ... a difference chance could explain" while the interval left out zero
    # most vendors score under every firm, a few far above: the averages differ, the ranks not
    vendors = np.array([10.0] * 28 + [95.0] * 12)
    firms = np.full(40, 20.0)
    out = compare(vendors, firms, "Vendors", "Staffing firms", "Voice")
    assert out["p_value"] >= 0.05 and out["ci95"][0] > 0
    assert out["verdict"] == "mixed"
    assert out["explanation"] == (
        "Typical Voice score: vendors 10, staffing firms 20. Vendors score 16 points higher on "
        "average than staffing firms, but the average rests on a few accounts: account by "
        "account, vendors do not clearly score higher, so it is unclear."
    )


def test_no_account_posting_mostly_job_ads_reads_as_none_not_a_minority() -> None:
    # a real cohort read "0 of 274 accounts with original posts to judge (0%) post more job
    # ads than anything else (over half of their original posts): clearly a minority."
    out = mostly_job_ads(np.array([0.0, 0.1, 0.2, 0.0, 0.05]), "Accounts", members=7)
    assert out["verdict"] == "contradicted"
    assert out["explanation"] == (
        "None of the 5 accounts with a Mix score post more job ads than anything else (over "
        "half of their original posts). The other 2 have no Mix score (no original posts, or "
        "too few in English to read)."
    )
    some = mostly_job_ads(np.array([0.9, 0.1, 0.2, 0.0, 0.05, 0.1]), "Accounts")
    assert some["explanation"].startswith("1 of 6 accounts (17%) post more job ads")


def test_a_firm_posting_in_french_is_not_said_to_have_no_original_posts() -> None:
    # a cohort's French-language firm (30 original posts, Mix n/a: too few in English) was
    # left out of "4 of the 5 staffing firms have original posts to judge"
    out = mostly_job_ads(np.array([1.0, 1.0, 0.3, 1.0]), "Staffing firms", members=5)
    assert out["explanation"] == (
        "Too few to tell: 4 of the 5 staffing firms have a Mix score, and we need at least 5."
    )
    one = mostly_job_ads(np.array([0.9, 0.8, 0.7, 0.6, 0.1]), "Staffing firms", members=6)
    assert one["explanation"].endswith(
        "The other account has no Mix score (no original posts, or too few in English to read)."
    )


def test_a_big_cohort_reads_its_counts_with_thousands_separators() -> None:
    # a benchmark of 1,001 accounts read "None of the 1001 accounts post more job ads"
    shares = np.zeros(1001)
    assert mostly_job_ads(shares, "Accounts")["explanation"].startswith(
        "None of the 1,001 accounts post"
    )
    shares[: 1200 // 2] = 0.9
    some = mostly_job_ads(shares, "Accounts", members=1200)
    assert some["explanation"].startswith("600 of 1,001 accounts with a Mix score (60%)")
    assert "The other 199 have no Mix score" in some["explanation"]


def test_a_median_of_one_account_of_two_is_said_in_the_singular() -> None:
    # "A median marked (1 of 2) is of the 1 accounts of the segment" in a cohort of recruiters
    one = {"recruiter": {"n": 2, "voice": {"n": 1, "median": 72.0}}}
    assert part_median_note(one) == (
        "A median marked (1 of 2) is the score of the one account of the segment that has one:"
        " the other had nothing to judge there (n/a in the league table)."
    )
    two = {"firm": {"n": 15, "mix": {"n": 2, "median": 60.0}}}
    assert part_median_note(two) == (
        "A median marked (2 of 15) is of the 2 accounts of the segment with that score: the"
        " others had nothing to judge there (n/a in the league table)."
    )
